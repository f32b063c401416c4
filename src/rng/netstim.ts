import { NeuronRandom } from './neuron-random.ts';

/** NEURON NetStim parameters (netstim.mod PARAMETER block; NEURON defaults in brackets). */
export interface NetStimParams {
  /** [ms] mean interval (10) */
  interval: number;
  /** spikes before the stim stops (10) */
  number: number;
  /** [ms] start (50) */
  start: number;
  /** 0..1 fraction of the interval that is random (0) */
  noise: number;
}

export const NETSTIM_DEFAULTS: Readonly<NetStimParams> = { interval: 10, number: 10, start: 50, noise: 0 };

/**
 * The stream NetPyNE attaches to a NetStim in sim.preRun(): Random123(hashStr('NetStim'), gid, seed),
 * then `negexp(1)` (which consumes draw 0) and `noiseFromRandom`: later erand() calls are repicks.
 */
export function netStimNoiseStream(id1: number, id2: number, id3: number, globalIndex = 0): NeuronRandom {
  const r = new NeuronRandom(id1, id2, id3, globalIndex);
  r.negexp(1);
  return r;
}

/**
 * Event times of a NetStim fed by `noise` (a repicking negexp(1) stream), up to and including
 * `until` [ms], exactly as netstim.mod computes them: first event at
 * max(0, start + invl(interval) - interval*(1 - noise)), then t += invl(interval) after each
 * spike, where invl = (1-noise)*interval + noise*interval*erand(). After every spike one
 * interval is drawn before the spike count is checked, as NEURON does.
 */
export function netStimTrain(params: NetStimParams, noise: { repick(): number }, until: number): number[] {
  const times: number[] = [];
  const level = Math.min(1, Math.max(0, params.noise));
  const mean = params.interval <= 0 ? 0.01 : params.interval;
  const invl = (): number => (level === 0 ? mean : (1 - level) * mean + level * mean * noise.repick());
  if (!(params.start >= 0 && params.number > 0)) return times;
  let t = params.start + invl() - params.interval * (1 - level);
  if (t < 0) t = 0;
  let spikes = 0;
  while (t <= until) {
    times.push(t);
    spikes++;
    const next = invl();
    if (spikes >= params.number) break;
    t += next;
  }
  return times;
}
