// NetPyNE's network modification API (network/modify.py): change an instantiated network, then
// simulate it again.
export { modifyCells, type ModifyCellsParams } from './cells.ts';
export { modifySynMechs, type ModifySynMechsParams } from './synmechs.ts';
export { modifyConns, type ModifyConnsParams } from './conns.ts';
export { modifyStims, type ModifyStimsParams } from './stims.ts';
export { modifiedSynMechParams } from './synmech-values.ts';
export type { Conds } from './conds.ts';
