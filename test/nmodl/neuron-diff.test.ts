import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulate } from '../../src/index.ts';
import { withModFiles } from '../../src/sim/mod-files.ts';

// Differential test against NEURON: every mod file of NetPyNE's repository that NEURON runs
// (test/data/nmodl, made by scripts/nmodl-refs) is compiled by spikegpu's NMODL front end and run
// in its one-cell protocol on the CPU backend (f64); v, every STATE, the ion variables and the
// spikes must be NEURON's, bit for bit. A file the front end refuses must be refused for the
// reason listed here (the list shrinks as NMODL support grows; it cannot grow silently).

const DATA = resolve(__dirname, '../data/nmodl');
const index: Array<{ file: string; name: string; status: string }> = JSON.parse(readFileSync(join(DATA, 'index.json'), 'utf8'));

/** Mechanism -> why the front end refuses its mod file (the message after its file:line:column). */
const REFUSED: Record<string, RegExp> = {
  AMPA: /:\d+:\d+: PROTECT is not supported/,
  GABAa: /:\d+:\d+: PROTECT is not supported/,
  GradedSyn: /:\d+:\d+: the function tanh\(\) is not supported/,
  NMDA: /:\d+:\d+: TABLE \.\.\. DEPEND mg is not supported/,
  OFPO: /:\d+:\d+: WATCH is not supported/,
  OFTH: /:\d+:\d+: WATCH is not supported/,
  ExpSynSTDP: /:\d+:\d+: NET_RECEIVE with 3 arguments is not supported/,
  Izhi2003a: /:\d+:\d+: WATCH is not supported/,
  Izhi2003b: /:\d+:\d+: WATCH is not supported/,
  Izhi2007a__code: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  Izhi2007b__code: /:\d+:\d+: VERBATIM C code in FUNCTION derivfunc is not supported/,
  naf: /:\d+:\d+: a TABLE of settables reading fastNashift is not supported/,
  Izhi2007b__M1: /:\d+:\d+: VERBATIM C code in FUNCTION derivfunc is not supported/,
  GABAB__M1detailed: /:\d+:\d+: NET_RECEIVE with 3 arguments is not supported/,
  kctin: /:\d+:\d+: KINETIC kin is not supported/,
  RS: /:\d+:\d+: WATCH is not supported/,
  GABAB__PTcell: /:\d+:\d+: NET_RECEIVE with 3 arguments is not supported/,
  VecStim__PTcell: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  Izhi2007a__batchCell: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  Izhi2007b__batchCell: /:\d+:\d+: WATCH is not supported/,
  NStim: /:\d+:\d+: the CONSTRUCTOR block is not supported/,
  ch_CavL: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  ch_CavN: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  ch_KCaS: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  ch_Kdrfastngf__evolCell: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  ch_KvAngf: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  ch_KvCaB: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  ch_Navngf: /:\d+:\d+: TABLE \.\.\. DEPEND dt is not supported/,
  ch_leak: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  iconc_Ca: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  km__evolCell: /:\d+:\d+: TABLE \.\.\. DEPEND temp is not supported/,
  kv__evolCell: /:\d+:\d+: TABLE \.\.\. DEPEND temp is not supported/,
  ch_Kdrfastngf__wscale: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  iCcr: /:\d+:\d+: the function log10\(\) is not supported/,
  MyExp2Syn: /:\d+:\d+: 'state_discontinuity' is not a PROCEDURE of this file/,
  VClamp_plus: /:\d+:\d+: array element dur\[\.\.\.\] is not supported/,
  nte: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  xtra: /:\d+:\d+: the BEFORE BREAKPOINT block is not supported/,
  ca_hnn: /:\d+:\d+: TABLE \.\.\. DEPEND temp is not supported/,
  hh2: /:\d+:\d+: a TABLE of rates reading temp is not supported/,
  hh3: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  VecStim_orig: /:\d+:\d+: VERBATIM C code at file level is not supported/,
};

function load(file: string) {
  const path = join(DATA, 'mod', file);
  const include = (_: unknown, name: string) => {
    for (const dir of [dirname(path), dirname(dirname(path))]) if (existsSync(join(dir, name))) return readFileSync(join(dir, name), 'latin1');
    return null;
  };
  return withModFiles([{ file, text: readFileSync(path, 'latin1') }], include);
}

const runnable = index.filter((e) => e.status === 'ok');

describe('mod files against NEURON', () => {
  it('covers the references: NEURON ran most of the 148 files; spikegpu compiles at least 90 of them', () => {
    expect(runnable.length).toBe(134);
    expect(runnable.filter((e) => !(e.name in REFUSED)).length).toBeGreaterThanOrEqual(92);
  });

  it.each(runnable.map((e) => [e.name, e.file]))('%s (%s)', async (name, file) => {
    if (name in REFUSED) {
      expect(() => load(file)).toThrow(REFUSED[name]);
      return;
    }
    const { mechanisms } = load(file);
    const spec = JSON.parse(readFileSync(join(DATA, `${name}.spec.json`), 'utf8'));
    const ref = JSON.parse(readFileSync(join(DATA, `${name}.ref.json`), 'utf8'));
    const { simData } = await createSimulate(spec, { mechanisms, backend: 'cpu', precision: 'f64' });
    expect(simData.spkt).toEqual(ref.spkt);
    expect(simData.spkid).toEqual(ref.spkid);
    const traces = simData as unknown as Record<string, Record<string, number[]>>;
    for (const [trace, cells] of Object.entries<Record<string, number[]>>(ref.traces))
      expect(Array.from(traces[trace]?.cell_0 ?? []), trace).toEqual(cells.cell_0);
  });
});
