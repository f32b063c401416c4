"""A Traub single-compartment cell in NetPyNE 1.1 + NEURON 8.2.2: reference spikes and traces.

    /usr/bin/python3 scripts/nmodl-refs/traub_cell.py

Not run by CI. Compiles the 12 mod files of ModelDB 20756 (test/data/nmodl/mod/modeldb/20756:
Traub RD, Buhl EH, Gloveli T, Whittington MA (2003) J Neurophysiol 89:909-921, the cell NetPyNE's
documentation imports as pyr3_traub.hoc) in SPIKEGPU_NMODL_SCRATCH/traub-cell with the oracle's
nrnivmodl-debian, runs the cell below with sim.createSimulate and writes to test/data/nmodl/:
  traub-cell.spec.json  {netParams, simConfig} (NetParams/SimConfig.todict(), key order kept)
  traub-cell.ref.json   {name, files, model, source, duration, dt, recordStep, t, spkt, spkid,
                         traces {traceName: {cell_0: [values]}}, flat, stable, vmax, bursts}
                        (floats as Python repr: exact)

The cell: one section 'soma' with the soma of ModelDB 20756's pyr3 template (comp[1]; the values
pyr3_template's geom() and set_active() give it, the same NetPyNE's importCellParams reads from
doc/source/code/pyr3_traub.hoc):
  geom      L 15, diam 16 (um), Ra 250, cm 0.9; pas g 2e-5, e -70
  cad       phi 52 / 2e-3, beta 1 / 100; GLOBAL ceiling_cad = 1000 (cellParams globals, as imported)
  naf 150e-3 * 1.25, kdr 125e-3, ka 30e-3, kahp 0.1e-3, k2 0.1e-3, km 2.5 * 1.5e-3 * 2, cat 0.1e-3,
  cal 0.5e-3, ar 0.25e-3 (S/cm2); nap = dnap * 0.0032 * gbar_naf, kc = dkc * 7.5e-3 with
  dnap 0, dkc 1.3: pyr3's setupfig() for figure 4 (figs 41-44). (NetPyNE's import leaves
  setupfig() commented out, so dnap = dkc = 0 there and nap, kc get gbar 0.)
  ions      ena 50, ek -95, eca 125 (set_active(); NEURON recomputes eca from cai, which cad
            writes, but no mechanism reads eca: cal and cat use 125 mV in their own code)
  v_init -70 (pyr3.hoc); celsius 6.3 (NEURON's default: the model sets none, no mod reads it)
Drive: IClamp 0.1 nA at 20-120 ms into soma(0.5) (the lone soma fires tonically at 0.3 nA; 0.1 nA
gives bursts). dt 0.025 ms, 150 ms, recordStep 0.1 ms, spikes at threshold 10 mV (NetPyNE's).
"""
import collections
import contextlib
import io
import json
import math
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
ORACLE = os.path.abspath(os.path.join(ROOT, '..', 'shared', 'netpyne-oracle'))
OUT = os.path.join(ROOT, 'test', 'data', 'nmodl')
MODS = os.path.join(OUT, 'mod', 'modeldb', '20756')
SCRATCH = os.path.join(os.environ.get('SPIKEGPU_NMODL_SCRATCH', '/tmp/nmodl-refs'), 'traub-cell')
NETPYNE_SRC = os.environ.get('NETPYNE_SRC', '/work/np/netpyne-src')
PYTHON = '/usr/bin/python3'
NAME = 'traub-cell'

DNAP, DKC = 0.0, 1.3  # pyr3 setupfig(41..44): figure 4
GBAR_NAF = 150e-3 * 1.25
# the insert order of pyr3_template's set_active(), pas (geom()) first
MECHS = collections.OrderedDict([
    ('pas', {'g': 2e-05, 'e': -70}),
    ('cad', {'phi': 52 / 2e-3, 'beta': 1 / 100}),
    ('naf', {'gbar': GBAR_NAF}),
    ('nap', {'gbar': DNAP * 0.0032 * GBAR_NAF}),
    ('kdr', {'gbar': 125e-3}),
    ('ka', {'gbar': 30e-3}),
    ('kc', {'gbar': DKC * 7.5e-3}),
    ('kahp', {'gbar': 0.1e-3}),
    ('k2', {'gbar': 0.1e-3}),
    ('km', {'gbar': 2.5 * 1.5e-3 * 2}),
    ('cat', {'gbar': 0.1e-3}),
    ('cal', {'gbar': 0.5e-3}),
    ('ar', {'gbar': 0.25e-3}),
])
# recorded with v and the soma's cai, ica, ik, ina (12 traces of 1501 samples: a ref near 400 kB)
STATES = [('naf', 'm'), ('naf', 'h'), ('kdr', 'm'), ('kc', 'm'), ('kahp', 'm'), ('cal', 'm'), ('ar', 'm')]


def spec():
    soma = {'geom': {'L': 15, 'diam': 16, 'Ra': 250, 'cm': 0.9}, 'mechs': MECHS,
            'ions': {'ca': {'e': 125}, 'k': {'e': -95}, 'na': {'e': 50}}}
    net = {
        'cellParams': {'traub': {'secs': {'soma': soma}, 'globals': {'ceiling_cad': 1000}}},
        'popParams': {'traub': {'cellType': 'traub', 'numCells': 1}},
        'stimSourceParams': {'iclamp': {'type': 'IClamp', 'del': 20, 'dur': 100, 'amp': 0.1}},
        'stimTargetParams': {'iclamp->traub': {'source': 'iclamp', 'conds': {'pop': 'traub'}, 'sec': 'soma', 'loc': 0.5}},
    }
    rec = collections.OrderedDict([('v_soma', {'sec': 'soma', 'loc': 0.5, 'var': 'v'})])
    for var in ('cai', 'ica', 'ik', 'ina'):
        rec['ion_' + var] = {'sec': 'soma', 'loc': 0.5, 'var': var}
    for mech, var in STATES:
        rec[mech + '_' + var] = {'sec': 'soma', 'loc': 0.5, 'mech': mech, 'var': var}
    cfg = {'duration': 150, 'tstop': 150, 'dt': 0.025, 'recordStep': 0.1,
           'hParams': {'celsius': 6.3, 'v_init': -70.0, 'clamp_resist': 0.001},
           'recordCells': ['traub'], 'recordTraces': rec, 'analysis': {}}
    return {'netParams': net, 'simConfig': cfg}


def default(o):
    if hasattr(o, 'tolist'):
        return o.tolist()
    if isinstance(o, (set, tuple, range)):
        return list(o)
    raise TypeError(type(o).__name__)


def bursts(spkt, gap=10.0):
    """Spike times grouped where an interval exceeds `gap` ms."""
    out = []
    for s in spkt:
        if out and s - out[-1][-1] <= gap:
            out[-1].append(s)
        else:
            out.append([s])
    return out


def inner(spec_path, ref_path):
    """Runs in the compile folder (NEURON loads ./x86_64 by itself)."""
    from neuron import h
    from netpyne import sim, specs
    full = {'netParams': specs.NetParams(spec()['netParams']).todict(),
            'simConfig': specs.SimConfig(spec()['simConfig']).todict()}
    with open(spec_path, 'w') as f:
        json.dump(full, f, separators=(',', ':'), default=default)
    full = json.load(open(spec_path), object_pairs_hook=collections.OrderedDict)
    with contextlib.redirect_stdout(io.StringIO()):
        sim.createSimulate(netParams=specs.NetParams(full['netParams']), simConfig=specs.SimConfig(full['simConfig']))
    data = sim.allSimData
    traces, flat, nonfinite, vmax = {}, [], [], 0.0
    for key in full['simConfig']['recordTraces']:
        cells = {c: [float(x) for x in vec] for c, vec in data[key].items()}
        traces[key] = cells
        for vals in cells.values():
            if not all(math.isfinite(x) for x in vals):
                nonfinite.append(key)
                continue
            if max(vals) == min(vals):
                flat.append(key)
            if key == 'v_soma':
                vmax = max(vmax, max(abs(x) for x in vals))
    spkt = [float(x) for x in data['spkt']]
    spkid = [int(x) for x in data['spkid']]
    groups = bursts(spkt)
    ref = {
        'name': NAME,
        'files': sorted('modeldb/20756/' + f for f in os.listdir(MODS) if f.endswith('.mod')),
        'model': 'ModelDB 20756 (Traub et al. 2003) pyr3 soma (comp[1]) alone, dnap %g, dkc %g (setupfig figure 4); '
                 'IClamp 0.1 nA at 20-120 ms; see scripts/nmodl-refs/traub_cell.py' % (DNAP, DKC),
        'source': 'NetPyNE 1.1.0 (git 3a0a522) on ' + h.nrnversion() + ', scripts/nmodl-refs/traub_cell.py',
        'duration': sim.cfg.duration, 'dt': sim.cfg.dt, 'recordStep': sim.cfg.recordStep,
        't': [float(x) for x in data['t']], 'spkt': spkt, 'spkid': spkid, 'traces': traces, 'flat': flat,
        'stable': not nonfinite and vmax <= 200, 'vmax': vmax, 'bursts': [len(g) for g in groups],
    }
    json.dump(ref, open(ref_path, 'w'), separators=(',', ':'))
    v = traces['v_soma']['cell_0']
    ca = traces['ion_cai']['cell_0']
    print(json.dumps({'stable': ref['stable'], 'nonfinite': nonfinite, 'flat': flat, 'spikes': len(spkt),
                      'bursts': [[round(s, 3) for s in g] for g in groups], 'vmax': vmax, 'vmin': min(v),
                      'v_19ms': v[190], 'v_end': v[-1], 'cai_max': max(ca), 'cai_end': ca[-1]}))


def main():
    shutil.rmtree(SCRATCH, ignore_errors=True)
    os.makedirs(SCRATCH)
    for f in sorted(os.listdir(MODS)):
        if f.endswith('.mod'):
            shutil.copy(os.path.join(MODS, f), SCRATCH)
    run = subprocess.run(['bash', os.path.join(ORACLE, 'nrnivmodl-debian')], cwd=SCRATCH, capture_output=True, text=True)
    if not os.path.exists(os.path.join(SCRATCH, 'x86_64', 'libnrnmech.so')):
        sys.exit('nrnivmodl failed:\n' + run.stdout + run.stderr)
    env = dict(os.environ, MPLBACKEND='Agg', PYTHONPATH=os.pathsep.join([NETPYNE_SRC, os.path.join(ORACLE, 'stubs')]))
    spec_path, ref_path = os.path.join(SCRATCH, 'spec.json'), os.path.join(SCRATCH, 'ref.json')
    run = subprocess.run([PYTHON, os.path.abspath(__file__), '--inner', spec_path, ref_path], cwd=SCRATCH, env=env,
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        sys.exit(run.stdout + run.stderr)
    result = json.loads(run.stdout.strip().splitlines()[-1])
    print(json.dumps(result, indent=1))
    if not result['stable']:
        sys.exit('unstable: not written')
    shutil.copy(spec_path, os.path.join(OUT, NAME + '.spec.json'))
    shutil.copy(ref_path, os.path.join(OUT, NAME + '.ref.json'))


if __name__ == '__main__':
    if sys.argv[1:2] == ['--inner']:
        inner(*sys.argv[2:4])
    else:
        main()
