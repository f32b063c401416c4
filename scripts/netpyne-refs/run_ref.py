"""One NetPyNE + NEURON reference run: python3 run_ref.py SPEC.json OUT.json DURATION [FIX]

Runs the spec as written but for DURATION ms, with analysis and file saving off (neither changes
the simulation), in the current folder (NEURON loads ./x86_64 by itself). Writes spikes in
recording order (floats as repr: exact), network sizes, a per-cell fingerprint of the
connections (count, sum of weights, sum of delays), each cell's rules and section sizes, and the
spec's recorded traces when small.
FIX names a change to the spec for this run only, where NetPyNE 1.1 fails on the model as written:
  constant_string_locs  connParams 'loc' strings that are plain numbers ('0.5') become numbers
                        (NetPyNE gives such a string no function in fullConn and crashes)
"""
import collections
import contextlib
import io
import json
import os
import sys
import time

os.environ.setdefault('MPLBACKEND', 'Agg')
from neuron import h  # noqa: E402
from netpyne import sim, specs  # noqa: E402

MAX_TRACE_SAMPLES = 200_000
SAVE_KEYS = ['saveJson', 'savePickle', 'saveMat', 'saveHDF5', 'saveDpk', 'saveCSV', 'saveDat', 'saveDataInclude']

spec_path, out, duration = sys.argv[1], sys.argv[2], float(sys.argv[3])
fix = sys.argv[4] if len(sys.argv) > 4 else ''
spec = json.load(open(spec_path), object_pairs_hook=collections.OrderedDict)
if fix == 'constant_string_locs':
    for rule in spec['netParams']['connParams'].values():
        if isinstance(rule.get('loc'), str):
            rule['loc'] = float(rule['loc'])
elif fix:
    sys.exit('unknown fix ' + fix)
cfg = spec['simConfig']
cfg['duration'] = duration
cfg['analysis'] = {}
for key in SAVE_KEYS:
    if key in cfg and key != 'saveDataInclude':
        cfg[key] = False
cfg['timestampFilename'] = False
cfg['backupCfgFile'] = []
netParams = specs.NetParams(spec['netParams'])
simConfig = specs.SimConfig(cfg)

buf = io.StringIO()
t0 = time.perf_counter()
with contextlib.redirect_stdout(buf):
    sim.createSimulate(netParams=netParams, simConfig=simConfig)
wall = time.perf_counter() - t0
data = sim.allSimData


def cell_summary(cell):
    """gid, pop, the cell rules applied (tags['label']) and each section's diam and L."""
    secs = {name: [float(sec['hObj'].diam), float(sec['hObj'].L)] for name, sec in cell.secs.items()} if isinstance(getattr(cell, 'secs', None), dict) else {}
    return [cell.gid, cell.tags.get('pop'), list(cell.tags.get('label', [])), secs]


def fingerprint(cell):
    conns = cell['conns']
    return [cell['gid'], len(conns), sum(float(c.get('weight', 0)) for c in conns), sum(float(c.get('delay', 0)) for c in conns)]


traces = {}
names = [k for k, v in data.items() if k != 'stims' and isinstance(v, dict) and any(str(c).startswith('cell_') for c in v)]
total = sum(len(v) for k in names for v in data[k].values())
for k in names:
    cells = list(data[k].items())
    if total > MAX_TRACE_SAMPLES:
        cells = cells[:2]
    traces[k] = {c: [float(x) for x in v] for c, v in cells}

json.dump({
    'source': 'NetPyNE 1.1.0 (git 3a0a522) on ' + h.nrnversion() + ', scripts/netpyne-refs/run_ref.py',
    'fix': fix,
    'duration': sim.cfg.duration, 'dt': sim.cfg.dt,
    'numCells': len(sim.net.allCells), 'numConns': sum(len(c['conns']) for c in sim.net.allCells),
    'spkt': [float(x) for x in data['spkt']], 'spkid': [int(x) for x in data['spkid']],
    'conns': [fingerprint(c) for c in sim.net.allCells],
    'cells': [cell_summary(c) for c in sim.net.cells],
    't': [float(x) for x in data['t']] if traces else [],
    'traces': traces,
    'wall_s': wall, 'timingData': {k: float(v) for k, v in sim.timingData.items()},
}, open(out, 'w'))
print(json.dumps({'spikes': len(data['spkt']), 'cells': len(sim.net.allCells),
                  'conns': sum(len(c['conns']) for c in sim.net.allCells), 'wall_s': round(wall, 2)}))
