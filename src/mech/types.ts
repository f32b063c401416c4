// Mechanism definitions are the NMODL front end's output (src/nmodl/definition.ts).
export * from '../nmodl/definition.ts';
