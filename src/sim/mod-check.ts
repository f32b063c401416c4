import { mechKernels } from '../backend/cpu/mech-kernels.ts';
import { gpuLimit } from '../backend/webgpu/layout.ts';
import { ionsAsCopies, segmentIons } from '../compile/ions.ts';
import type { MechGroup } from '../compile/model.ts';
import { buildTable, lowerMechanism, mechanismWgsl } from '../mech/index.ts';
import { type IncludeReader, NmodlError, parseMod, translate } from '../nmodl/index.ts';

// Checks a mod file for every target: the NMODL front end, lowering (tables on and off), the
// CPU kernels in f64 and f32 (JavaScript compiled by the engine) and the WGSL module. The
// result is the first problem, with file:line:column where the front end found it.

export interface ModCheck {
  file: string;
  ok: boolean;
  /** The mechanism's NEURON name (SUFFIX, POINT_PROCESS or ARTIFICIAL_CELL), when the NEURON block was read. */
  mechanism: string | null;
  error: string | null;
  /** Why the mechanism cannot run on WebGPU yet (it then runs on the CPU backend), or null. */
  webgpu?: string | null;
}

export function checkModFile(file: string, source: string, include?: IncludeReader): ModCheck {
  let mechanism: string | null = null;
  try {
    const program = parseMod(file, source, include);
    mechanism = program.neuron?.name || null;
    const translated = translate(program);
    const { info } = translated;
    // as a model using it alone compiles it: ions that need no segment state are copies (compile/ions.ts)
    const def = ionsAsCopies(translated.def, segmentIons([translated.def], {}));
    let webgpu: string | null = null;
    for (const tablesOn of [new Set<string>(), new Set([`usetable_${def.name}`])]) {
      const lowered = lowerMechanism(def, { tablesOn, info });
      const group: MechGroup = {
        mech: def.name,
        count: 1,
        node: new Int32Array(1),
        cell: new Int32Array(1),
        scale: new Float64Array(1).fill(1),
        fields: Object.fromEntries(lowered.fields.map((f) => [f, new Float64Array(1)])),
      };
      const tables = Object.fromEntries(lowered.tables.map((t) => [t.name, buildTable(lowered, t, 6.3, 0.025, (f) => lowered.params[f] ?? 0).values]));
      const sink = { send() {}, move() {}, event() {} };
      for (const precision of ['f64', 'f32'] as const) {
        const A = precision === 'f64' ? Float64Array : Float32Array;
        const fields = Object.fromEntries(lowered.fields.map((f) => [f, new A(1)]));
        const ions = Object.fromEntries(Object.values(def.ionVars ?? {}).map((v) => [v.ion, { e: new A(1), i: new A(1), in: new A(1), out: new A(1) }]));
        mechKernels(lowered, group, fields, tables, precision, sink, ions, new Float64Array(1).fill(100));
      }
      // each ion variable at its own place of the ions buffer, as the layout gives them
      mechanismWgsl(lowered, { ions: new Map(Object.keys(def.ionVars ?? {}).map((v, j) => [v, j])) });
      webgpu ??= gpuLimit(lowered);
    }
    return { file, ok: true, mechanism, error: null, webgpu };
  } catch (e) {
    const message = e instanceof NmodlError ? e.message : `${file}: ${(e as Error).message.split('\n')[0]}`;
    return { file, ok: false, mechanism, error: message, webgpu: null };
  }
}
