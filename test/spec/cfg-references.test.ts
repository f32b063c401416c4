import { describe, expect, it } from 'vitest';
import { BUILTIN_MECHANISMS, create, loadSpec } from '../../src/index.ts';
import { validateModel } from '../../src/network/validate-model.ts';
import { baseSpec } from '../helpers/base-spec.ts';

// NetPyNE's cfg idiom in JSON (src/spec/cfg-references.ts): netParams values "cfg.<path>" and
// cfg.<path> inside string functions read simConfig's attributes, as netParams.py reads cfg.

function withCfg(edit: (spec: any) => void) {
  const spec = baseSpec();
  spec.simConfig.synMechTau2 = 7;
  spec.simConfig.connWeight = 0.02;
  edit(spec);
  return spec;
}

const validated = (spec: unknown) => validateModel(spec as never, BUILTIN_MECHANISMS, 'all');

describe('cfg references', () => {
  it('replace a whole value by the attribute and builds the network the literal value builds', () => {
    const spec = withCfg((s) => {
      s.netParams.synMechParams.exc.tau2 = 'cfg.synMechTau2';
      s.netParams.connParams['S->M'].weight = 'cfg.connWeight';
    });
    const r = validated(spec);
    expect(r.diagnostics.errors).toEqual([]);
    expect(r.netParams.synMechParams.exc.tau2).toBe(7);
    const literal = withCfg((s) => {
      s.netParams.synMechParams.exc.tau2 = 7;
      s.netParams.connParams['S->M'].weight = 0.02;
    });
    const a = create(spec).data;
    const b = create(literal).data;
    expect(a.conns).toEqual(b.conns);
    expect(a.synMechValues).toEqual(b.synMechValues);
  });

  it('put numbers into string functions, negative ones in parentheses', () => {
    const spec = withCfg((s) => {
      s.simConfig.shift = -0.5;
      s.netParams.connParams['S->M'].weight = 'cfg.connWeight * 2 + 0 * cfg.shift';
    });
    const r = validated(spec);
    expect(r.diagnostics.errors).toEqual([]);
    expect(r.netParams.connParams['S->M'].weight).toBe('0.02 * 2 + 0 * (-0.5)');
  });

  it('reach nested attributes and list items, and copy objects', () => {
    const spec = withCfg((s) => {
      s.simConfig.syn = { exc: { tau2: 3 }, taus: [0.1, 0.2] };
      s.netParams.synMechParams.exc.tau2 = 'cfg.syn.exc.tau2';
      s.netParams.synMechParams.exc.tau1 = 'cfg.syn.taus.1';
      s.netParams.stimSourceParams.bkg = 'cfg.bkg';
      s.simConfig.bkg = { type: 'NetStim', rate: 20, noise: 0.5 };
    });
    const r = validated(spec);
    expect(r.diagnostics.errors).toEqual([]);
    expect(r.netParams.synMechParams.exc).toMatchObject({ tau1: 0.2, tau2: 3 });
    expect(r.netParams.stimSourceParams.bkg).toEqual({ type: 'NetStim', rate: 20, noise: 0.5 });
    expect(r.netParams.stimSourceParams.bkg).not.toBe(r.simConfig.bkg);
  });

  it('name the path, the reference and the attributes there when one is missing', () => {
    const r = validated(withCfg((s) => (s.netParams.synMechParams.exc.tau2 = 'cfg.synMechTua2')));
    expect(r.diagnostics.errors).toEqual([
      {
        severity: 'error',
        path: 'netParams.synMechParams.exc.tau2',
        value: 'cfg.synMechTua2',
        message: "refers to a simConfig attribute that does not exist: cfg has no attribute 'synMechTua2' (did you mean 'synMechTau2'?)",
      },
    ]);
    const list = validated(
      withCfg((s) => {
        s.simConfig.xs = [1];
        s.netParams.synMechParams.exc.tau2 = 'cfg.xs.3';
      }),
    );
    expect(list.diagnostics.errors[0].message).toBe('refers to a simConfig attribute that does not exist: cfg.xs is a list of 1 (no item 3)');
  });

  it('refuse a non-number inside a string function', () => {
    const r = validated(
      withCfg((s) => {
        s.simConfig.label = 'x';
        s.netParams.connParams['S->M'].weight = '2 * cfg.label';
      }),
    );
    expect(r.diagnostics.errors.map((d) => d.message)).toEqual(['cfg.label inside a string function must be a number (simConfig gives "x")']);
  });

  it('leave file paths and other names alone', () => {
    const r = validated(withCfg((s) => (s.netParams.note = 'models/cfg.hoc and mycfg.x')));
    expect(r.diagnostics.errors).toEqual([]);
    expect((r.netParams as any).note).toBe('models/cfg.hoc and mycfg.x');
  });

  it('warn of a user attribute only where netParams does not read it', () => {
    const r = validated(withCfg((s) => (s.netParams.synMechParams.exc.tau2 = 'cfg.synMechTau2')));
    const paths = r.diagnostics.warnings.map((d) => d.path);
    expect(paths).toContain('simConfig.connWeight');
    expect(paths).not.toContain('simConfig.synMechTau2');
  });

  it("leave the caller's NetParams as it was", () => {
    const spec = loadSpec(withCfg((s) => (s.netParams.synMechParams.exc.tau2 = 'cfg.synMechTau2')));
    const r = validated(spec);
    expect(r.netParams.synMechParams.exc.tau2).toBe(7);
    expect(spec.netParams.synMechParams.exc.tau2).toBe('cfg.synMechTau2');
  });
});
