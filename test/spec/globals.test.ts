import { describe, expect, it } from 'vitest';
import { BUILTIN_MECHANISMS, globalVariable, loadSpec, modelGlobals, validateModel } from '../../src/index.ts';
import { modFolder } from '../helpers/mods.ts';

// cellParams globals as NetPyNE's setGlobals applies them: hParams first, then the first rule
// that sets a name; names resolve to a mechanism's GLOBAL parameter, usetable_<mech>, an ion's
// reset concentration or NEURON's own; any other name is a warning (NEURON makes an unused variable).

const spec = (globals: Record<string, number>[]) =>
  loadSpec({
    netParams: {
      cellParams: Object.fromEntries(globals.map((g, i) => [`r${i}`, { secs: { soma: { geom: { L: 10, diam: 10 }, mechs: { hh: {} } } }, globals: g }])),
      popParams: { p: { cellType: 'r0', numCells: 1 } },
    },
    simConfig: { duration: 1 },
  });

describe('cellParams globals', () => {
  it("resolve against the model's mechanisms", () => {
    const traub = modFolder('modeldb/20756');
    expect(globalVariable('ceiling_cad', traub)).toEqual({ kind: 'parameter', mechanism: 'cad', param: 'ceiling' });
    expect(globalVariable('ceiling_cad', BUILTIN_MECHANISMS)).toBeNull();
    expect(globalVariable('usetable_hh', BUILTIN_MECHANISMS)).toEqual({ kind: 'usetable', mechanism: 'hh' });
    expect(globalVariable('cai0_ca_ion', BUILTIN_MECHANISMS)).toEqual({ kind: 'ion', ion: 'ca', side: 'in' });
    expect(globalVariable('celsius', BUILTIN_MECHANISMS)).toEqual({ kind: 'neuron' });
  });

  it("keep NetPyNE's order: hParams win, then the first rule", () => {
    const { netParams, simConfig } = spec([
      { celsius: 37, x_y: 1 },
      { x_y: 2, z_w: 3 },
    ]);
    expect([...modelGlobals(netParams, simConfig)]).toEqual([
      ['celsius', 6.3],
      ['v_init', -65],
      ['clamp_resist', 0.001],
      ['x_y', 1],
      ['z_w', 3],
    ]);
  });

  it('warn about a name no mechanism has', () => {
    const { diagnostics } = validateModel(spec([{ ceiling_cad: 1000 }]), BUILTIN_MECHANISMS);
    expect(diagnostics.errors).toEqual([]);
    expect(diagnostics.warnings.map((d) => d.path)).toContain('netParams.cellParams.r0.globals.ceiling_cad');
  });
});
