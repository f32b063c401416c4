import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tut2 } from '../../scripts/safety-campaign/cases.ts';
import { OptionError } from '../../src/analysis/figure.ts';
import {
  BUILTIN_MECHANISMS,
  buildNetwork,
  CompileError,
  checkAnalysis,
  checkOutputPaths,
  ExprError,
  ExprRuntimeError,
  LoadError,
  NetworkBuildError,
  SpecError,
  simulate,
  validateModel,
} from '../../src/index.ts';

// Issue 12, property test: tutorial 2 with 1-3 random mutations (a leaf replaced by a hostile
// or random value, a key deleted, a key added — names like __proto__ included) goes through
// validation, network creation and a short CPU run and fails, if at all, only with spikegpu's
// own errors. Seeded (FUZZ_SEED, FUZZ_RUNS explore further); about 10 s.

const OWN_ERRORS = [SpecError, NetworkBuildError, CompileError, ExprError, ExprRuntimeError, LoadError, OptionError];
const LIMITS = { maxMemoryBytes: 2 ** 28 };
const MAX_STEPS = 4000; // longer runs are created, not simulated: the test stays short

const HOSTILE_VALUES = [
  -1,
  0,
  -0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  2 ** 53,
  '',
  'x',
  '__proto__',
  'constructor(1)',
  'uniform(-10,-5)',
  '1/0',
  'log(-1)',
  '(',
  [],
  {},
  null,
  true,
  [1, [2]],
];
const value = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.jsonValue({ maxDepth: 2 }), fc.double(), fc.integer({ min: -5, max: 100 }));
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'numCells', 'density', 'gridSpacing', 'nseg', 'cellModel', 'pt3d', 'loc', 'sec'),
  fc.string({ maxLength: 6 }),
);

/** Every path to an object or leaf of `v`. */
function paths(v: unknown, at: string[] = []): string[][] {
  const out = [at];
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

type Mutation = { path: number; op: 'set' | 'delete' | 'add'; key: string; value: unknown };
const mutation = fc.record({ path: fc.nat(), op: fc.constantFrom('set', 'delete', 'add'), key, value }) as fc.Arbitrary<Mutation>;

/** The spec as JSON text with the mutations applied (own properties, as a file's JSON gives them). */
function mutated(mutations: Mutation[]): string {
  const spec: any = tut2();
  spec.simConfig.duration = 20;
  for (const m of mutations) {
    const all = paths(spec).filter((p) => p.length > 0);
    const path = all[m.path % all.length];
    let parent: any = spec;
    for (const k of path.slice(0, -1)) parent = parent[k];
    const last = path[path.length - 1];
    if (m.op === 'delete') delete parent[last];
    else if (m.op === 'set') Object.defineProperty(parent, last, { value: m.value, enumerable: true, writable: true, configurable: true });
    else {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return JSON.stringify(spec);
}

async function attempt(text: string): Promise<void> {
  const { netParams, simConfig, diagnostics } = validateModel(text, BUILTIN_MECHANISMS, 'all', LIMITS);
  checkAnalysis(netParams, simConfig, diagnostics);
  checkOutputPaths(simConfig, diagnostics);
  if (diagnostics.errors.length > 0) return;
  const net = buildNetwork(netParams, simConfig, BUILTIN_MECHANISMS, LIMITS);
  if (simConfig.duration / simConfig.dt > MAX_STEPS) return;
  await simulate(net, { backend: 'cpu', ...LIMITS });
}

describe('mutated specs', () => {
  it('are refused, or created and run, never failing with anything but spikegpu errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        try {
          await attempt(mutated(mutations));
        } catch (e) {
          if (!OWN_ERRORS.some((type) => e instanceof type)) throw e;
          expect((e as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20261202), numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  }, 120_000);
});
