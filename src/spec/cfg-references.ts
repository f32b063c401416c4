import { deepOrdered, isPlainObject } from './deep-ordered.ts';
import { type Diagnostics, didYouMean, joinPath } from './diagnostics.ts';

// NetPyNE's cfg idiom in a declarative spec. A NetPyNE netParams.py reads simConfig attributes
// (`'tau2': cfg.synMechTau2`) so that a batch can sweep them; in JSON:
//   - a netParams value that is the string "cfg.<path>" is the value of that simConfig attribute
//     (any JSON value, copied);
//   - inside a longer string (a string function), cfg.<path> is that attribute's number
//     ("cfg.connWeight * uniform(0.8, 1.2)").
// <path> is dotted as batch params name nested attributes: cfg.foo.bar, cfg.xn.0 (list index).
// Resolved when the spec is loaded, before validation, so every later stage sees plain values.

const PATH = String.raw`((?:\.[A-Za-z_][A-Za-z0-9_]*|\.\d+)+)`;
const WHOLE = new RegExp(`^cfg${PATH}$`);
// not inside a name, a number or a file path (models/cfg.hoc)
const INSIDE = new RegExp(String.raw`(?<![\w./\\-])cfg${PATH}`, 'g');

/** The simConfig attribute at a dotted path (".a.b.0"), or why there is none. */
export function cfgValue(simConfig: Record<string, unknown>, path: string): { value: unknown } | { missing: string } {
  let at: unknown = simConfig;
  let seen = 'cfg';
  for (const key of path.slice(1).split('.')) {
    // simConfig itself is a SimConfig; its attributes are plain objects
    const dict = typeof at === 'object' && at !== null && !Array.isArray(at) ? (at as Record<string, unknown>) : null;
    const next = Array.isArray(at) ? (/^\d+$/.test(key) ? at[Number(key)] : undefined) : dict && Object.hasOwn(dict, key) ? dict[key] : undefined;
    if (next === undefined) {
      if (Array.isArray(at)) return { missing: `${seen} is a list of ${at.length} (no item ${key})` };
      if (dict) return { missing: `${seen} has no attribute '${key}'${didYouMean(key, Object.keys(dict))}` };
      return { missing: `${seen} is ${JSON.stringify(at)}, not a dict or list` };
    }
    at = next;
    seen = `${seen}.${key}`;
  }
  return { value: at };
}

/**
 * Replaces every cfg reference in netParams (in place) by its simConfig value; problems go to
 * `diagnostics` with the netParams path. Returns the simConfig attributes referred to (top level).
 */
export function resolveCfgReferences(netParams: Record<string, unknown>, simConfig: Record<string, unknown>, diagnostics: Diagnostics): Set<string> {
  const used = new Set<string>();
  const resolveString = (text: string, path: string): unknown => {
    const whole = WHOLE.exec(text);
    if (whole) {
      const found = cfgValue(simConfig, whole[1]);
      if ('missing' in found) {
        diagnostics.error(path, text, `refers to a simConfig attribute that does not exist: ${found.missing}`);
        return text;
      }
      used.add(whole[1].split('.')[1]);
      return deepOrdered(found.value);
    }
    if (!text.includes('cfg.')) return text;
    return text.replace(INSIDE, (reference: string, dotted: string) => {
      const found = cfgValue(simConfig, dotted);
      if ('missing' in found) {
        diagnostics.error(path, text, `refers to a simConfig attribute that does not exist: ${found.missing}`);
        return reference;
      }
      const v = typeof found.value === 'boolean' ? Number(found.value) : found.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        diagnostics.error(path, text, `${reference} inside a string function must be a number (simConfig gives ${JSON.stringify(found.value)})`);
        return reference;
      }
      used.add(dotted.split('.')[1]);
      return v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v);
    });
  };
  const visit = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') return resolveString(value, path);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i], joinPath(path, i));
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) value[key] = visit(value[key], joinPath(path, key));
    }
    return value;
  };
  for (const key of Object.keys(netParams)) {
    if (!key.startsWith('_')) netParams[key] = visit(netParams[key], joinPath('netParams', key));
  }
  return used;
}

/** Whether any string under `value` mentions cfg. (a reference to resolve). */
export function mentionsCfg(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('cfg.');
  if (Array.isArray(value)) return value.some(mentionsCfg);
  return typeof value === 'object' && value !== null && Object.values(value).some(mentionsCfg);
}
