// NetPyNE's network modification API (network/modify.py): change an instantiated network, then
// simulate it again.
export { type ModifyCellsParams, modifyCells } from './cells.ts';
export type { Conds } from './conds.ts';
export { type ModifyConnsParams, modifyConns } from './conns.ts';
export { type ModifyStimsParams, modifyStims } from './stims.ts';
export { modifiedSynMechParams } from './synmech-values.ts';
export { type ModifySynMechsParams, modifySynMechs } from './synmechs.ts';
