/**
 * A lookup table keyed by names that may come from a model file: frozen and without a prototype,
 * so `table[name]` and `name in table` see only the entries given ('constructor', 'toString' or
 * '__proto__' are not members unless listed).
 */
export function nameTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const table: Record<string, T> = Object.create(null);
  for (const [name, value] of Object.entries(entries)) table[name] = value;
  return Object.freeze(table);
}
