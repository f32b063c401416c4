export { hashList, hashStr } from './hash.ts';
export { NETSTIM_DEFAULTS, type NetStimParams, netStimNoiseStream, netStimTrain } from './netstim.ts';
export { NeuronRandom } from './neuron-random.ts';
export { philox4x32 } from './philox.ts';
export { Random123Stream, uint32ToDouble } from './stream.ts';
