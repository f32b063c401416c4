import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulate } from '../../src/index.ts';
import { corpusModFile } from '../helpers/mods.ts';

// Differential test against NEURON: every mod file of NetPyNE's repository and of the ModelDB
// models its documentation imports (20756, 2488) that NEURON runs
// (test/data/nmodl, made by scripts/nmodl-refs) is compiled by spikegpu's NMODL front end and run
// in its one-cell protocol on the CPU backend (f64); v, every STATE, the ion variables and the
// spikes must be NEURON's, bit for bit. A file the front end refuses must be refused for the
// reason listed here (the list shrinks as NMODL support grows; it cannot grow silently).

const DATA = resolve(__dirname, '../data/nmodl');
const index: Array<{ file: string; name: string; mechanism: string; status: string }> = JSON.parse(readFileSync(join(DATA, 'index.json'), 'utf8'));

/** Mechanism -> why the front end refuses its mod file (the message after its file:line:column). */
const REFUSED: Record<string, RegExp> = {
  ExpSynSTDP: /:\d+:\d+: WATCH outside the flag == 1 branch of NET_RECEIVE is not supported/,
  kctin: /:\d+:\d+: KINETIC kin is not supported/,
  NStim: /:\d+:\d+: the CONSTRUCTOR block is not supported/,
  iconc_Ca: /:\d+:\d+: USEION ca WRITE eca is not supported/,
  nte: /:\d+:\d+: VERBATIM C code at file level is not supported/,
  xtra: /:\d+:\d+: the BEFORE BREAKPOINT block is not supported/,
  VecStim_orig: /:\d+:\d+: VERBATIM C code in PROCEDURE element is not supported/,
};

/**
 * Copies of NEURON's own VecStim (vecevent.mod's C): spikegpu's built-in VecStim, which is that
 * mechanism, is used; their protocol gives the VecStim no spike times, which spikegpu refuses
 * (NetPyNE prints an error and makes nothing), so there is nothing to run.
 */
const BUILT_IN_COPIES = new Set(['VecStim__PTcell']);

const load = corpusModFile;

const runnable = index.filter((e) => e.status === 'ok');

describe('mod files against NEURON', () => {
  it("covers the references: NEURON ran 151 of the 166 files (NetPyNE's 148, ModelDB 20756 and 2488); spikegpu compiles 143 of those (one more is a copy of NEURON's VecStim, which the built-in is)", () => {
    expect(index.length).toBe(166);
    expect(runnable.length).toBe(151);
    expect(runnable.filter((e) => !(e.name in REFUSED) && !BUILT_IN_COPIES.has(e.name)).length).toBe(143);
  });

  it.each(runnable.map((e) => [e.name, e.file, e.mechanism]))('%s (%s)', async (name, file, mechanism) => {
    let loaded: ReturnType<typeof load> | undefined;
    let error: string | undefined;
    try {
      loaded = load(file);
      error = loaded.mechanisms.refusal(mechanism);
    } catch (e) {
      error = (e as Error).message;
    }
    if (name in REFUSED) {
      expect(error).toMatch(REFUSED[name]);
      return;
    }
    if (BUILT_IN_COPIES.has(name)) {
      expect(loaded!.notices.join('\n')).toMatch(/spikegpu's built-in VecStim, NEURON's, is used instead/);
      return;
    }
    expect(error).toBeUndefined();
    const { mechanisms } = loaded!;
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
