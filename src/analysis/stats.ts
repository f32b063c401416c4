// Spike statistics as plain functions (the figures use them; scripts can too).
export { cellRates, countByGid, histogram, isiCVs, spikesOf, stimTrains, syncMeasure, type SpikeList } from './spikes.ts';
export { morletSpectrum } from './spectrum.ts';
export { resolveInclude, type Selection } from './include.ts';
export { popRates } from '../sim/sim-data.ts';
