export { compile, type CompileResult } from './compile.ts';
export { CompileError } from './errors.ts';
export * from './model.ts';
