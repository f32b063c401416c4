/** Parses Python's float.hex() output ('0x1.8p+1', '-0x0.0p+0', 'inf', 'nan') exactly. */
export function fromHex(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan') return NaN;
  const m = /^(-?)0x([01])\.([0-9a-f]*)p([+-]\d+)$/.exec(text);
  if (!m) throw new Error(`not a hex float: ${text}`);
  let mantissa = BigInt(`0x${m[2]}${m[3] || '0'}`);
  let exponent = Number(m[4]) - 4 * (m[3] || '0').length;
  // exact: mantissa has at most 53 bits; scale in two steps to avoid overflow/underflow
  const value = Number(mantissa) * Math.pow(2, Math.trunc(exponent / 2)) * Math.pow(2, exponent - Math.trunc(exponent / 2));
  mantissa = 0n;
  exponent = 0;
  return m[1] ? -value : value;
}
