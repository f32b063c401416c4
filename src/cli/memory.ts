import { totalmem } from 'node:os';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/**
 * --max-memory: bytes, or a size such as 512M, 8G, 1.5GiB (binary units); by default the
 * machine's memory. Returns the bytes, or the one-line reason the text is not a size.
 */
export function maxMemoryOption(text: string | undefined): number | string {
  if (text === undefined) return totalmem();
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  const bytes = m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : NaN;
  if (!(bytes > 0 && Number.isFinite(bytes))) return `--max-memory = ${JSON.stringify(text)}: expected a size such as 512M, 8G or a number of bytes`;
  return bytes;
}
