import { describe, expect, it } from 'vitest';
import { createSimulate, withModFiles } from '../../src/index.ts';
import { glibcTanh } from '../../src/math/libm.ts';
import type { Stmt } from '../../src/nmodl/definition.ts';
import { compileMod, parseMod } from '../../src/nmodl/index.ts';
import { checkModFile } from '../../src/sim/mod-check.ts';

/** C's hex float literal (as nocmodl writes unit constants). */
function hexFloat(text: string): number {
  const [, digits, exponent] = /^0x1\.([0-9a-f]+)p([+-]\d+)$/.exec(text)!;
  return (1 + Number.parseInt(digits, 16) / 2 ** (4 * digits.length)) * 2 ** Number(exponent);
}

const density = (body: string, neuron = '') => `NEURON { SUFFIX t ${neuron} }\n${body}`;

describe('NMODL front end', () => {
  it.each([
    ['PARAMETER { a = }', /^t\.mod:2:17: expected a number, found '}'$/],
    ['BREAKPOINT { x = 1 +\n}', /^t\.mod:3:1: unexpected '}' in an expression$/],
    ['ASSIGNED { x }\nBREAKPOINT { x = y }', /^t\.mod:3:18: 'y' is not declared$/],
    ['BREAKPOINT {\n  if (1) { }', /^t\.mod:2:12: this '\{' has no matching '\}'$/],
    ['COMMENT never closed', /^t\.mod:2:1: COMMENT without ENDCOMMENT$/],
    ['ASSIGNED { x }\nBREAKPOINT { x = a < b < c }', /^t\.mod:3:24: chained comparisons/],
    ['FOO { }', /^t\.mod:2:1: unknown block 'FOO'$/],
  ])('%j fails with its position', (body, message) => {
    expect(() => compileMod('t.mod', density(body))).toThrow(message);
  });

  it("UNITS constants take NEURON 8.2's modern values, as nocmodl's hex literals", () => {
    const p = parseMod(
      'u.mod',
      density('UNITS {\n FARADAY = (faraday) (coulomb)\n F2 = (faraday) (kilocoulombs)\n R = (k-mole) (joule/degC)\n PI = (pi) (1)\n F3 = 96485.309 (coul) }'),
    );
    expect(Object.fromEntries(p.units.map((u) => [u.name, u.value]))).toEqual({
      FARADAY: hexFloat('0x1.78e555060882cp+16'),
      F2: hexFloat('0x1.81f0fae775425p+6'),
      R: hexFloat('0x1.0a1013e8990bep+3'),
      PI: Math.PI,
      F3: 96485.309,
    });
    expect(() => parseMod('u.mod', density('UNITS { X = (parsec) (coulomb) }'))).toThrow(/^u\.mod:2:13: \(parsec\) \(coulomb\) is not in spikegpu's copy/);
  });

  it('reads numbers with units, DEFINE, merged NEURON blocks, and appends a second BREAKPOINT', () => {
    const mod = `NEURON { SUFFIX t }
NEURON { NONSPECIFIC_CURRENT i RANGE g }
DEFINE N 3
PARAMETER { g = 0.001 (S/cm2) <0, 1e9> }
ASSIGNED { i (mA/cm2) v (mV) }
BREAKPOINT { i = g*(v - 0.062 (/mV)) }
BREAKPOINT { i = i*N }`;
    const { def } = compileMod('t.mod', mod.replace('i*N', 'i*2'));
    expect((def.breakpoint as Stmt[]).map((s) => s.kind === 'assign' && s.target)).toEqual(['i', 'i']);
    expect(def.currents).toEqual({ names: ['i'], kind: 'membrane' });
    expect(parseMod('t.mod', mod.replace('(v - 0.062 (/mV))', '(v)')).neuron?.range).toEqual(['g']);
  });

  it("keeps NEURON's 6 significant digits of PARAMETER defaults (nocmodl prints them with %g)", () => {
    const { info } = compileMod('t.mod', density('PARAMETER { a = 0.0123456789012345 b = 2 }', 'RANGE a, b'));
    expect(info.params.a.default).toBe(0.0123457);
    expect(info.params.b.default).toBe(2);
  });

  it("tabulates a FUNCTION with TABLE (nocmodl's lookup) for every target", () => {
    const mod = density(
      'PARAMETER { g = 0.001 }\nASSIGNED { i v }\nBREAKPOINT { i = g*f(v)*v }\nFUNCTION f(x) {\n  TABLE FROM -100 TO 100 WITH 200\n  f = exp(x/50)\n}',
      'NONSPECIFIC_CURRENT i',
    );
    expect(checkModFile('t.mod', mod)).toMatchObject({ ok: true, webgpu: null });
    expect(compileMod('t.mod', mod).def.functions?.f.table).toEqual({ outputs: [], from: -100, to: 100, with: 200, switchName: 'usetable_t' });
  });

  it('sums currents in the order the NEURON block declares them', () => {
    const mod = `NEURON { SUFFIX t NONSPECIFIC_CURRENT il USEION na READ ena WRITE ina }
ASSIGNED { il ina ena v }
BREAKPOINT { ina = v - ena  il = v }`;
    expect(compileMod('t.mod', mod).def.currents?.names).toEqual(['il', 'ina']);
  });

  it('checks every target and reports the first unsupported construct with its position', () => {
    expect(checkModFile('t.mod', density('STATE { m }\nBREAKPOINT { SOLVE s METHOD sparse }\nKINETIC s { ~ m <-> m (1, 1) }'))).toEqual({
      file: 't.mod',
      ok: false,
      mechanism: 't',
      error: 't.mod:4:1: KINETIC s is not supported',
      webgpu: null,
    });
    expect(checkModFile('t.mod', density('PARAMETER { g = 1 }\nASSIGNED { i v }\nBREAKPOINT { i = g*v }', 'NONSPECIFIC_CURRENT i'))).toEqual({
      file: 't.mod',
      ok: true,
      mechanism: 't',
      error: null,
      webgpu: null,
    });
    const ca = checkModFile('ca.mod', density('ASSIGNED { cai ica v }\nBREAKPOINT { ica = cai*v }', 'USEION ca READ cai WRITE ica'));
    expect(ca).toMatchObject({ ok: true, webgpu: null });
    const counter = checkModFile('n.mod', 'NEURON { POINT_PROCESS n }\nASSIGNED { c }\nNET_RECEIVE (w) { c = c*w }\n');
    expect(counter).toMatchObject({ ok: true, webgpu: 'n (a NET_RECEIVE that is not linear in its weights)' });
  });
});

describe("derivimplicit's Newton variables", () => {
  // nocmodl's _slist2 (checked with NEURON 8.2.2's nocmodl: izhi2003a.mod V gsyn u, gabab.mod G Roff Ron)
  it.each([
    ['STATE { u V gsyn }', "V' = -V + u\n u' = -u\n gsyn' = -gsyn", ['V', 'u', 'gsyn'], ['V', 'gsyn', 'u']],
    ['STATE { Ron Roff G }', "Ron' = -Ron\n Roff' = -Roff\n G' = Ron - G", ['Ron', 'Roff', 'G'], ['G', 'Roff', 'Ron']],
  ])('%s: by first character, then the name mentioned last first', (states, equations, slist1, slist2) => {
    const text = `NEURON { SUFFIX x }\n${states}\nBREAKPOINT { SOLVE d METHOD derivimplicit }\nDERIVATIVE d {\n ${equations}\n}\n`;
    const d = compileMod('x.mod', text).def.derivatives!.d;
    expect(d.states).toEqual(slist1);
    expect(d.variables ?? d.states).toEqual(slist2);
  });
});

describe('linear receivers (the GPU sums the weights of a boundary)', () => {
  const synapse = (receive: string) =>
    `NEURON { POINT_PROCESS s RANGE r NONSPECIFIC_CURRENT i }\nPARAMETER { r = 1 }\nASSIGNED { i v }\nSTATE { A B }\nBREAKPOINT { SOLVE d METHOD cnexp\n i = (B - A)*v }\nDERIVATIVE d { A' = -A\n B' = -B }\nNET_RECEIVE (w) { ${receive} }\n`;
  it.each([
    ['A = A + w*r', true],
    ['LOCAL ww\n ww = w\n A = A + ww*r\n B = B - 2*ww', true],
    ['LOCAL c\n c = 2*r\n A = A + c*w', true],
    ['if (r >= 0) { A = A + w } else { B = B - w*r }', true],
    ['if (w > 0) { A = A + w }', false],
    ['A = w - A', false],
    ['A = A + w*A', false],
    ['A = A + w*t', false],
    ['LOCAL ww\n A = A + ww\n ww = w', false],
    ['LOCAL ww\n ww = w + 1\n A = A + ww', false],
    ['LOCAL ww\n if (r > 0) { ww = w }\n A = A + ww', false],
  ])('%j: %s', (receive, linear) => {
    expect(compileMod('s.mod', synapse(receive)).def.linearReceive === true).toBe(linear);
  });
});

describe("C math in mod files: glibc's results on the f64 CPU backend", () => {
  it("tanh is glibc's (V8's Math.tanh differs at 0.155)", async () => {
    const text = 'NEURON { SUFFIX th RANGE y }\nASSIGNED { y }\nINITIAL { y = tanh(0.155) }\nBREAKPOINT { }\n';
    const { mechanisms } = withModFiles([{ file: 'th.mod', text }]);
    const spec = {
      netParams: { popParams: { P: { cellType: 'C', numCells: 1 } }, cellParams: { C: { secs: { soma: { geom: { diam: 10, L: 10 }, mechs: { th: {} } } } } } },
      simConfig: { duration: 0.1, dt: 0.025, recordStep: 0.025, recordCells: [0], recordTraces: { y: { sec: 'soma', loc: 0.5, mech: 'th', var: 'y' } } },
    };
    const { simData } = await createSimulate(spec, { mechanisms, backend: 'cpu' });
    const y = (simData as unknown as Record<string, Record<string, number[]>>).y.cell_0;
    expect(glibcTanh(0.155)).not.toBe(Math.tanh(0.155));
    expect(new Set(y)).toEqual(new Set([glibcTanh(0.155)]));
  });
});
