export { philox4x32 } from './philox.ts';
export { Random123Stream, uint32ToDouble } from './stream.ts';
export { hashStr, hashList } from './hash.ts';
export { NeuronRandom } from './neuron-random.ts';
export { netStimTrain, netStimNoiseStream, NETSTIM_DEFAULTS, type NetStimParams } from './netstim.ts';
