import { OptionError } from './figure.ts';

// Colours of NetPyNE's figures: colorList (analysis/utils.py, plotting/plotter.py), 15 RGB
// triples repeated three times; population i (in net.pops order) is drawn in colorList[i % 45].

const COLOR_LIST: ReadonlyArray<readonly [number, number, number]> = [
  [0.42, 0.67, 0.84],
  [0.9, 0.76, 0.0],
  [0.42, 0.83, 0.59],
  [0.9, 0.32, 0.0],
  [0.34, 0.67, 0.67],
  [0.9, 0.59, 0.0],
  [0.42, 0.82, 0.83],
  [1.0, 0.85, 0.0],
  [0.33, 0.67, 0.47],
  [1.0, 0.38, 0.6],
  [0.57, 0.67, 0.33],
  [0.5, 0.2, 0.0],
  [0.71, 0.82, 0.41],
  [0.0, 0.2, 0.5],
  [0.7, 0.32, 0.1],
];

/** CSS colour of colorList[i]. */
export function listColor(i: number): string {
  return rgb(COLOR_LIST[((i % COLOR_LIST.length) + COLOR_LIST.length) % COLOR_LIST.length]);
}

/** `label`'s colour: popColors[label] when the user gave one, else colorList[index]. */
export function popColor(popColors: unknown, label: string, index: number, path: string): string {
  if (popColors && typeof popColors === 'object' && label in popColors)
    return userColor((popColors as Record<string, unknown>)[label], `${path}.popColors.${label}`);
  return listColor(index);
}

/** A user colour: an [r, g, b] list of 0-1 floats (matplotlib) or a CSS colour name/hex string. */
export function userColor(value: unknown, path: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  if (Array.isArray(value) && (value.length === 3 || value.length === 4) && value.every((x) => typeof x === 'number' && x >= 0 && x <= 1)) {
    return rgb(value as number[]);
  }
  throw new OptionError(path, value, `${JSON.stringify(value)} is not a colour (expected [r, g, b] with values in 0-1, or a CSS colour string)`);
}

/** Checks a popColors option: null, or {label: colour}. */
export function checkPopColors(popColors: unknown, path: string): void {
  if (popColors === null || popColors === undefined) return;
  if (typeof popColors !== 'object' || Array.isArray(popColors))
    throw new OptionError(`${path}.popColors`, popColors, 'expected an object of colours by population label');
  for (const [label, color] of Object.entries(popColors)) userColor(color, `${path}.popColors.${label}`);
}

function rgb(c: ArrayLike<number>): string {
  const b = (x: number) => Math.round(x * 255);
  return `rgb(${b(c[0])},${b(c[1])},${b(c[2])})`;
}
