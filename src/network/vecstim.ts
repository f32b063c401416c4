import { glibcLog } from '../math/libm.ts';
import { hashStr, NeuronRandom } from '../rng/index.ts';
import type { SpikePattern, VecStimPulse } from '../spec/index.ts';
import { NetworkBuildError } from './errors.ts';
import { npArange } from './positions.ts';

// VecStim spike trains exactly as NetPyNE's cell/pointCell.py and cell/inputs.py make them.

export interface VecStimInputs {
  gid: number;
  params: Record<string, unknown>;
  /** [ms] simConfig.duration */
  duration: number;
  stimSeed: number;
  poissonDropsFirst: boolean;
  path: string;
}

/** Sorted spike times [ms] in [0, duration]. */
export function vecStimTrain(input: VecStimInputs): Float64Array {
  const { params, gid } = input;
  const seed = (params.seed as number | undefined) ?? input.stimSeed;
  let times: number[];
  if (params.rate !== undefined) params.interval = 1000.0 / (params.rate as number);
  if (params.interval !== undefined) {
    times = noisyTrain(
      params.interval as number,
      (params.start as number) ?? 0.0,
      (params.noise as number) ?? 0.0,
      input.duration,
      new NeuronRandom(hashStr('vecstim_spkt'), gid, seed),
      input.path,
    );
  } else if (params.spikePattern !== undefined) {
    const pattern = params.spikePattern as SpikePattern;
    const rand = pattern.sync ? new NeuronRandom(hashStr('vecstim_spikePattern'), seed) : new NeuronRandom(hashStr('vecstim_spikePattern'), gid, seed);
    times = spikePattern(pattern, rand, input);
  } else if (params.spkTimes !== undefined) {
    times = [...(params.spkTimes as number[])];
  } else {
    throw new NetworkBuildError(input.path, undefined, 'VecStim requires interval, rate, spikePattern or spkTimes');
  }
  if (Array.isArray(params.pulses)) (params.pulses as VecStimPulse[]).forEach((pulse, i) => times.push(...pulseTrain(pulse, i, gid, seed, input)));
  const out = Float64Array.from(times, (t) => (t < 0 ? 0 : t)).sort();
  let n = out.length;
  while (n > 0 && !(out[n - 1] <= input.duration)) n--;
  return out.slice(0, n);
}

/**
 * int((1 + 1.5 noise) duration / interval) intervals of (1-noise)*interval plus negexp(noise*interval)
 * draws (draw #0 of the stream is used up by the negexp call); times start at start - interval*(1-noise).
 */
function noisyTrain(interval: number, start: number, noise: number, duration: number, rand: NeuronRandom, path: string): number[] {
  const count = Math.trunc(((1 + 1.5 * noise) * duration) / interval);
  const fixed = (1.0 - noise) * interval;
  const times: number[] = [];
  if (noise === 0.0) {
    let t = 0;
    for (let i = 0; i < count; i++) times.push((t += fixed) + (start - interval));
    return times;
  }
  if (count >= 1e4) throw new NetworkBuildError(path, count, "exceeds NetPyNE's maximum of 10000 VecStim spikes per cell");
  rand.negexp(noise * interval);
  let t = 0;
  const offset = start - interval * (1 - noise);
  for (let i = 0; i < count; i++) times.push((t += fixed + rand.repick()) + offset);
  return times;
}

/** A pulse: like noisyTrain between start and end, clipped to [start, end]; noisy pulses use Random123(i, gid, seed). */
function pulseTrain(pulse: VecStimPulse, i: number, gid: number, seed: number, input: VecStimInputs): number[] {
  const path = `${input.path}.pulses[${i}]`;
  let rate = pulse.rate;
  if (Array.isArray(rate)) rate = new NeuronRandom(hashStr(`point_rate_pulse${i}`), gid, input.stimSeed).uniform(rate[0], rate[1]);
  const interval = pulse.interval ?? (rate !== undefined ? 1000.0 / rate : undefined);
  if (interval === undefined) throw new NetworkBuildError(path, pulse, 'a VecStim pulse needs rate or interval');
  const noise = pulse.noise ?? 0.0;
  const count = Math.trunc(((1 + 1.5 * noise) * (pulse.end - pulse.start)) / interval);
  const fixed = (1.0 - noise) * interval;
  const spikes: number[] = [];
  let t = 0;
  if (noise === 0.0) {
    for (let k = 0; k < count; k++) spikes.push((t += fixed) + (pulse.start - interval));
  } else {
    const rand = new NeuronRandom(i, gid, seed);
    rand.negexp(noise * interval);
    const offset = pulse.start - interval * (1 - noise);
    for (let k = 0; k < count; k++) spikes.push((t += fixed + rand.repick()) + offset);
  }
  return spikes.map((s) => (s < pulse.start ? pulse.start : s)).filter((s) => s <= pulse.end);
}

function spikePattern(p: SpikePattern, rand: NeuronRandom, input: VecStimInputs): number[] {
  switch (p.type) {
    case 'rhythmic':
      return rhythmic(p, rand, input.path);
    case 'evoked':
      return evoked(p, rand);
    case 'poisson':
      return poisson(p, rand, input);
    case 'gauss':
      return gauss(p, rand);
  }
}

/** inputs.py createRhythmicPattern. */
function rhythmic(p: SpikePattern, rand: NeuronRandom, path: string): number[] {
  let start = p.start!;
  const stop = p.stop ?? p.tstop;
  if (stop === undefined) throw new NetworkBuildError(`${path}.spikePattern`, p, "a rhythmic pattern needs 'stop'");
  if (start === -1) start = rand.uniform(p.startMin ?? 25.0, p.startMax ?? 125.0);
  else if ((p.startStd ?? -1) > 0.0) start = rand.normal(start, p.startStd!);
  const freq = p.freq ?? 0;
  const freqStd = p.freqStd ?? 0;
  let eventsPerCycle = p.eventsPerCycle ?? 2;
  if (eventsPerCycle > 2 || eventsPerCycle <= 0) eventsPerCycle = 2;
  if (!freq) return [];
  let t: number[];
  if ((p.distribution ?? 'normal') === 'normal') {
    const isi = npArange(start, stop, 1000.0 / freq);
    if (freqStd) {
      const repeated = isi.flatMap((v) => Array<number>(p.repeats!).fill(v));
      rand.normal(0, freqStd * freqStd);
      const jitter = rand.setrand(repeated.length);
      t = repeated.map((mean, i) => jitter[i] + mean);
    } else {
      t = isi;
    }
  } else if (p.distribution === 'uniform') {
    const n = Math.trunc((p.repeats! * freq * (stop - start)) / 1000.0);
    rand.uniform(start, stop);
    t = Array.from(rand.setrand(n));
  } else {
    return [];
  }
  const events = eventsPerCycle === 2 ? [...t.map((v) => v - 5), ...t.map((v) => v + 5)] : t;
  return events.filter((v) => v > 0).sort((a, b) => a - b);
}

/** inputs.py createEvokedPattern (normal(mu, sigma) draws: sigma is passed as NEURON's variance). */
function evoked(p: SpikePattern, rand: NeuronRandom): number[] {
  const mu = p.start!;
  const sigma = p.startStd!;
  const n = Math.trunc(p.numspikes!);
  let values: number[];
  if (sigma) {
    rand.normal(mu, sigma);
    values = Array.from(rand.setrand(n));
  } else {
    values = Array<number>(n).fill(mu);
  }
  return values.filter((v) => v > 0).sort((a, b) => a - b);
}

/**
 * inputs.py createPoissonPattern: exponential ISIs with -1000 log(1 - U)/frequency. NetPyNE
 * discards the first generated spike (np.append result unused): reproduced unless
 * simConfig.netpyneQuirks.poissonPatternDropsFirst is false.
 */
function poisson(p: SpikePattern, rand: NeuronRandom, input: VecStimInputs): number[] {
  const t0 = p.start!;
  const T = p.stop === -1 ? input.duration : p.stop!;
  const lamtha = p.frequency!;
  const out: number[] = [];
  if (lamtha > 0.0) {
    let t = t0 + (-1000.0 * glibcLog(1.0 - rand.uniform(0, 1))) / lamtha;
    if (t < T && !input.poissonDropsFirst) out.push(t);
    while (t < T) {
      t += (-1000.0 * glibcLog(1.0 - rand.uniform(0, 1))) / lamtha;
      if (t < T) out.push(t);
    }
  }
  return out;
}

/** inputs.py createGaussPattern: 50 draws of normal(mu, sigma) (sigma as NEURON's variance). */
function gauss(p: SpikePattern, rand: NeuronRandom): number[] {
  rand.normal(p.mu!, p.sigma!);
  return Array.from(rand.setrand(50))
    .filter((v) => v > 0)
    .sort((a, b) => a - b);
}
