import { describe, expect, it } from 'vitest';
import { hashStr } from '../../src/rng/hash.ts';
import { netStimNoiseStream, netStimTrain } from '../../src/rng/netstim.ts';
import { NeuronRandom } from '../../src/rng/neuron-random.ts';
import data from '../data/neuron-random.json' with { type: 'json' };
import { readFixture } from '../helpers/fixtures.ts';
import { fromHex } from '../helpers/hexfloat.ts';

// test/data/neuron-random.json was produced by NEURON 8.2.2 itself (scripts/neuron-random-vectors.py).

describe('NEURON h.Random() distributions, bit for bit', () => {
  for (const [name, args] of Object.entries(data.args as Record<string, number[]>)) {
    it(`${name}(${args.join(', ')}): first call + 300 setrand values`, () => {
      const r = new NeuronRandom(1, 2, 3);
      const method = name.split('_')[0] as 'uniform';
      const expected = (data.cases as Record<string, string[]>)[name].map(fromHex);
      const got = [(r[method] as (...a: number[]) => number)(...args), ...r.setrand(expected.length - 1)];
      got.forEach((v, i) => expect(v, `${name} sample ${i}`).toBe(expected[i]));
    });
  }
});

describe('rng_vectors.json: h.Random call semantics', () => {
  const vectors = readFixture('netpyne/rng_vectors.json');
  for (const s of vectors.random123_streams) {
    const ids = s.ids as [number, number, number];
    it(`ids ${ids}`, () => {
      let r = new NeuronRandom(...ids);
      expect([r.normal(0, 1), ...r.setrand(8)]).toEqual([s.normal01_callValue, ...s.normal01_setrand_next8]);
      r = new NeuronRandom(...ids);
      expect([r.negexp(1), ...r.setrand(8)]).toEqual([s.negexp1_callValue, ...s.negexp1_setrand_next8]);
      r = new NeuronRandom(...ids);
      expect([r.discunif(0, 19), ...r.setrand(8)]).toEqual([s.discunif0_19_callValue, ...s.discunif0_19_setrand_next8]);
      r = new NeuronRandom(...ids);
      expect(Array.from({ length: 6 }, () => r.normal(5, 2))).toEqual(s['repeated_calls_normal(5,2)']);
      r = new NeuronRandom(...ids);
      expect(Array.from({ length: 6 }, () => r.uniform(1, 5))).toEqual(s['repeated_calls_uniform(1,5)']);
      r = new NeuronRandom(...ids);
      expect([r.uniform(0, 1), r.repick(), r.repick(), r.repick(), r.repick(), r.repick()]).toEqual(s.repeated_calls_uniform01_then_repick);
    });
  }
});

describe('NetStim trains', () => {
  it.each(readFixture('netpyne/rng_vectors.json').netstim as any[])('rng_vectors gid $gid noise $noise', (c) => {
    expect(c.streamIds).toEqual([hashStr('NetStim'), c.gid, c.seed]);
    const noise = netStimNoiseStream(c.streamIds[0], c.streamIds[1], c.streamIds[2]);
    const train = netStimTrain({ interval: 1000 / c.rate, number: c.number, start: c.start, noise: c.noise }, noise, 1000);
    expect(train).toEqual(c.spikeTimes_0_1000ms);
  });

  it.each(data.netstim)('NEURON NetStim interval $interval noise $noise number $number', (c) => {
    const noise = netStimNoiseStream(c.ids[0], c.ids[1], c.ids[2]);
    const train = netStimTrain(c, noise, c.tstop);
    expect(train).toEqual(c.times.map(fromHex));
  });
});
