// wgsl_reflect's ES module build (its package entry is a CommonJS build without named ESM exports)
declare module 'wgsl_reflect/wgsl_reflect.module.js' {
  export * from 'wgsl_reflect';
}
