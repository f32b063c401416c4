import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsRenderer, type LoweredMechanism, lowerMechanism, MECHANISM_DEFS, type MechanismDef } from '../../src/mech/index.ts';
import { compileMod } from '../../src/nmodl/index.ts';
import type { MechanismInfo } from '../../src/spec/index.ts';

// The built-ins' mod files (mod/) compiled by the NMODL front end give the code of the
// hand-written definitions (src/mech/defs), operation for operation: every block and FUNCTION
// rendered as f64 JavaScript is the same text once the front end's renamed LOCALs and
// arguments (_l3_x, _a0_x) and GLOBAL ASSIGNED locals (_g_x) are read as their NMODL names and a field (F.x) as its name:
// GLOBAL ASSIGNED variables no block reads before assigning are locals here, where some
// hand-written definitions keep them as fields (IntFire4's enew ..., AlphaSynapse's g).

const modText = (name: string) => readFileSync(resolve(__dirname, '../../mod', `${name}.mod`), 'utf8');

function rendered(def: MechanismDef, tablesOn: Set<string>, info?: MechanismInfo): Record<string, string> {
  const m: LoweredMechanism = lowerMechanism(def, { tablesOn, info });
  const access = (n: string) => (m.fields.includes(n) ? `F.${n}` : ['v', 't', 'dt', 'celsius'].includes(n) ? n : null);
  const r = new JsRenderer(m, { access }, 'f64');
  const out: Record<string, string> = { fields: m.fields.join(' ') };
  for (const block of ['initial', 'breakpoint', 'state', 'receive'] as const) out[block] = r.stmts(m[block].stmts);
  for (const f of r.functions().split(/\n(?=function )/)) if (f) out[f.slice(0, f.indexOf('('))] = f;
  const plain = (code: string) =>
    code
      .replace(/_(?:[law]\d+|g)_(\w+)/g, '$1')
      .replace(/\b(\w+)_local\b/g, '$1')
      .replace(/\bF\.(\w+)/g, '$1')
      .replace(/^\s*let .*$/gm, '');
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, plain(v)]));
}

describe('built-in mechanisms compiled from their mod files', () => {
  it.each([
    'hh',
    'pas',
    'ExpSyn',
    'Exp2Syn',
    'IClamp',
    'AlphaSynapse',
    'IntFire1',
    'IntFire2',
    'IntFire4',
    'Izhi2003a',
    'Izhi2003b',
    'Izhi2007a',
    'Izhi2007b',
    'SEClamp',
  ])('%s: the same code as the hand-written definition', (name) => {
    const { def, info } = compileMod(`mod/${name}.mod`, modText(name));
    for (const tables of [new Set<string>(), new Set(['usetable_hh'])]) {
      const hand = rendered(MECHANISM_DEFS[name], tables);
      const mod = rendered(def, tables, info);
      // IntFire4's eps is NEURON's GLOBAL PARAMETER (1e-6): a parameter here, the literal in the hand-written definition
      if (name === 'IntFire4') for (const k of Object.keys(mod)) mod[k] = mod[k].replace(/\beps\b/g, '0.000001');
      // the hand-written IntFire2 also has NEURON's hoc-only FUNCTIONs M() and I(), which no block calls
      const common = Object.keys(mod).filter((k) => k !== 'fields');
      expect(Object.keys(hand)).toEqual(expect.arrayContaining(common));
      for (const k of common) expect(mod[k], `${name} ${k}`).toBe(hand[k]);
    }
    // what the engine may do with the events, read off the code, is what the hand-written definition declares
    for (const fact of ['linearReceive', 'mergeable'] as const) expect(def[fact] ?? false, `${name} ${fact}`).toBe(MECHANISM_DEFS[name][fact] ?? false);
  });

  it.each([['VClamp', /VClamp\.mod:\d+:\d+: array element amp\[\.\.\.\] is not supported/]])(
    '%s is refused for now, naming the construct and its position',
    (name, message) => {
      expect(() => compileMod(`mod/${name}.mod`, modText(name))).toThrow(message);
    },
  );
});
