export { type CompileOptions, type CompileResult, compile } from './compile.ts';
export { CompileError } from './errors.ts';
export * from './model.ts';
export { UNRECORDED_TRACE } from './probes.ts';
