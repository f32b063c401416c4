import { describe, expect, it } from 'vitest';
import { compileExpression, connContext } from '../../src/expr/index.ts';
import { NeuronRandom } from '../../src/rng/neuron-random.ts';
import { SHADERS } from '../../src/shaders.gen.ts';
import { runKernel, testDevice, testShader } from '../helpers/gpu.ts';

// String functions rendered to WGSL must compute what the JS renderer computes (to f32 precision).

const device = await testDevice();
const describeGpu = device ? describe : describe.skip;
const context = connContext('weight', 'pair', { propVelocity: 500 });

const EXPRESSIONS = [
  '0.4*exp(-dist_3D/200)',
  '0.12 + 0.001*post_ynorm*100',
  'max(0.1, min(0.9, 2**-post_ynorm))',
  '1 if dist_3D > 50 else 0.5',
  '(-post_ynorm) ** 2 + 7 % 3 - 7 // 2 + (-7.5) % 2',
  'round(dist_3D / 10) + int(-2.7) + abs(-post_ynorm)',
  '(not (dist_3D < 10)) and 2 or 3',
  'log10(dist_3D + 1) + sqrt(dist_3D) + log(post_ynorm + 1)',
  '1 < post_ynorm + 1 <= 2',
  'dist_3D/propVelocity + sin(post_ynorm) * cos(dist_3D) + arctan2(post_ynorm, 1)',
  'uniform(2, 3) + 0.1*negexp(1)',
];

// Long chains and deep nesting: pairwise sums and products past 64 terms, flat runs, nesting limits.
const LONG: Array<[string, string]> = [
  ['a 2 000-term sum', Array.from({ length: 2_000 }, (_, i) => (i % 3 === 0 ? 'post_ynorm' : '0.001')).join(' + ')],
  ['a 2 000-term difference', ['dist_3D', ...Array(2_000).fill('0.01')].join(' - ')],
  ['a 2 000-factor product', Array.from({ length: 2_000 }, (_, i) => (i % 2 === 0 ? '1.001' : '0.9995')).join(' * ')],
  ['a 60-term mixed chain', `${Array.from({ length: 60 }, (_, i) => `${(i % 7) + 1} ${['*', '/', '+', '-', '%', '//'][i % 6]}`).join(' ')} (dist_3D + 1)`],
  ['100 nested calls', `${'abs('.repeat(100)}post_ynorm - 0.5${')'.repeat(100)}`],
];

describeGpu('WGSL rendering of string functions', () => {
  it.each(LONG)('%s', async (_, source) => expectGpuMatches(source));
  it.each(EXPRESSIONS)('%s', async (source) => expectGpuMatches(source));
});

/** Runs the WGSL rendering of `source` over 128 inputs and compares with the JS evaluation. */
async function expectGpuMatches(source: string): Promise<void> {
  const compiled = compileExpression(source, context);
  const body = compiled.toWgsl({ variable: (slot) => context.variables[slot], rng: 'rng' });
  const fn = `fn eval_expr(dist_3D: f32, post_ynorm: f32, rng: ptr<function, Rng123>) -> f32 {\n  return ${body};\n}\n`;
  const code = SHADERS['lib/philox.wgsl'] + SHADERS['lib/random.wgsl'] + SHADERS['lib/pyops.wgsl'] + fn + testShader('expression-eval.wgsl');
  const n = 128;
  const inputs = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    inputs[2 * i] = (i * 3.7) % 230; // dist_3D [um]
    inputs[2 * i + 1] = (i % 17) / 16; // post_ynorm
  }
  const [out] = await runKernel(device!, code, n, [inputs], [n * 4]);
  const gpu = new Float32Array(out);
  const env = new Float64Array(context.variables.length);
  for (let i = 0; i < n; i++) {
    env[context.variables.indexOf('dist_3D')] = inputs[2 * i];
    env[context.variables.indexOf('post_ynorm')] = inputs[2 * i + 1];
    const expected = compiled.evaluate(env, new NeuronRandom(7, i, 1));
    expect(Math.abs(gpu[i] - expected), `${source.slice(0, 60)} at ${inputs[2 * i]}, ${inputs[2 * i + 1]}`).toBeLessThanOrEqual(
      1e-5 * Math.max(1, Math.abs(expected)),
    );
  }
}
