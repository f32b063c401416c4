export { type CompileOptions, type CompileResult, compile } from './compile.ts';
export { CompileError } from './errors.ts';
export * from './model.ts';
