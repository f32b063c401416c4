export { compile, type CompileResult, type CompileOptions } from './compile.ts';
export { CompileError } from './errors.ts';
export * from './model.ts';
