// NetPyNE's plotRatePSD spectrum (transformMethod 'morlet', support/morlet.py MorletSpec): the
// time-averaged power of the signal convolved with complex Morlet wavelets of 7 cycles.

/**
 * Power per frequency fmin, fmin + fstep, ... fmax [Hz] of `signal` sampled at fs [Hz]: the
 * signal minus its mean, linearly detrended; per frequency f a wavelet of width 7 cycles
 * (sf = f/7, st = 1/(2 pi sf), t in [-3.5 st, 3.5 st) by 1/fs, amplitude 1/(st sqrt(2 pi))),
 * full convolution, power (2|y|/fs)^2 trimmed to the signal's span, averaged over time.
 */
export function morletSpectrum(signal: ArrayLike<number>, fs: number, fmin: number, fmax: number, fstep: number): { freqs: number[]; power: number[] } {
  const x = detrend(signal);
  const freqs: number[] = [];
  for (let f = fmin; f < fmax + 1 - 1e-9 * fstep; f += fstep) freqs.push(f);
  const power = freqs.map((f) => meanPower(x, f, fs));
  return { freqs, power };
}

function meanPower(x: Float64Array, f: number, fs: number): number {
  const st = 1 / (2 * Math.PI * (f / 7));
  const m = Math.ceil(7 * st * fs - 1e-9);
  const re = new Float64Array(m);
  const im = new Float64Array(m);
  const a = 1 / (st * Math.sqrt(2 * Math.PI));
  for (let j = 0; j < m; j++) {
    const t = -3.5 * st + j / fs;
    const g = a * Math.exp(-(t * t) / (2 * st * st));
    re[j] = g * Math.cos(2 * Math.PI * f * t);
    im[j] = g * Math.sin(2 * Math.PI * f * t);
  }
  // full convolution y[k] = sum_j x[k - j] w[j], kept for k in [ceil(m/2), n + m - 1 - floor(m/2) + 1)
  const n = x.length;
  const from = Math.ceil(m / 2);
  const to = Math.min(n + m - 1, n + m - 1 - Math.floor(m / 2) + 1);
  let sum = 0;
  for (let k = from; k < to; k++) {
    let yr = 0;
    let yi = 0;
    for (let j = Math.max(0, k - n + 1); j <= Math.min(k, m - 1); j++) {
      yr += x[k - j] * re[j];
      yi += x[k - j] * im[j];
    }
    sum += ((2 * Math.hypot(yr, yi)) / fs) ** 2;
  }
  return to > from ? sum / (to - from) : 0;
}

/** x - mean(x), then minus its least-squares line (scipy.signal.detrend, type 'linear'). */
function detrend(signal: ArrayLike<number>): Float64Array {
  const n = signal.length;
  const x = Float64Array.from(signal);
  if (n === 0) return x;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const tm = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    x[i] -= mean;
    sxy += (i - tm) * x[i];
    sxx += (i - tm) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  for (let i = 0; i < n; i++) x[i] -= mx + slope * (i - tm);
  return x;
}
