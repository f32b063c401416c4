import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MECHANISMS, NEURON_TYPE_ORDER } from '../../src/mech/index.ts';
import { compileMod } from '../../src/nmodl/index.ts';

// The built-ins are their mod files (mod/) compiled by the NMODL front end, as a user's are.
// (Until the hand-written definitions were removed, this test checked that the compiled code
// was the hand-written code operation for operation; the NEURON reference tests check the
// results, bit for bit.) What the engine may do with each one's events is read off its code.

const modText = (name: string) => readFileSync(resolve(__dirname, '../../mod', `${name}.mod`), 'utf8');

describe('built-in mechanisms compiled from their mod files', () => {
  const compiled = NEURON_TYPE_ORDER;

  it.each(compiled)('%s is its mod file compiled', (name) => {
    const def = BUILTIN_MECHANISMS.def(name)!;
    expect(def.modFile).toBe(`mod/${name}.mod`);
    expect(def).toEqual(compileMod(`mod/${name}.mod`, modText(name)).def);
    expect(BUILTIN_MECHANISMS.get(name)!.params).toEqual(compileMod(`mod/${name}.mod`, modText(name)).info.params);
  });

  it('reads which receivers are linear in their weights and which synapses may share a state off the code', () => {
    const with_ = (fact: 'linearReceive' | 'mergeable') => compiled.filter((n) => BUILTIN_MECHANISMS.def(n)![fact]);
    expect(with_('linearReceive')).toEqual(['ExpSyn', 'Exp2Syn', 'Izhi2003a', 'Izhi2007a']);
    expect(with_('mergeable')).toEqual(['ExpSyn', 'Exp2Syn']);
  });

  it('adds NetPyNE facts: stimulus sources, the IClamp delay alias; NetStim and VecStim are native', () => {
    expect(BUILTIN_MECHANISMS.ofKind('stimulus')).toEqual(['IClamp', 'AlphaSynapse', 'SEClamp', 'VClamp', 'NetStim']);
    expect(BUILTIN_MECHANISMS.get('IClamp')!.aliases).toEqual({ delay: 'del' });
    expect(BUILTIN_MECHANISMS.def('NetStim')).toBeUndefined();
    expect(BUILTIN_MECHANISMS.get('NetStim')!.kinds).toEqual(['artificialCell', 'stimulus']);
  });

  it("compiles VClamp's arrays, FROM loop with break and LINEAR block as nocmodl does", () => {
    const def = BUILTIN_MECHANISMS.def('VClamp')!;
    expect(BUILTIN_MECHANISMS.get('VClamp')!.params.dur.default).toEqual([0, 0, 0]);
    expect(def.linear?.clamp.unknowns).toEqual(['vi', 'vo', 'e']); // nocmodl's _slist1 (checked with its output)
    expect(def.functions?.icur).toBeDefined();
  });
});
