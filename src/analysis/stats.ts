// Spike statistics as plain functions (the figures use them; scripts can too).

export { popRates } from '../sim/sim-data.ts';
export { resolveInclude, type Selection } from './include.ts';
export { morletSpectrum } from './spectrum.ts';
export { cellRates, countByGid, histogram, isiCVs, type SpikeList, spikesOf, stimTrains, syncMeasure } from './spikes.ts';
