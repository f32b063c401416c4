"""One mod-file reference run: python3 run_mod_ref.py PROTOCOL.json SPEC_OUT.json REF_OUT.json

Run in the folder where the mod was compiled (NEURON loads ./x86_64 by itself). PROTOCOL.json is
{netParams, simConfig, mech: {name, kind}, meta: {...}} as make_mod_refs.py writes it.
1. drops the recordTraces entries NEURON cannot point to (a GLOBAL, an ion the cell lacks, ...),
   probing a throw-away section or object first;
2. writes the full spec (NetParams.todict(), SimConfig.todict(), key order kept) to SPEC_OUT;
3. reloads SPEC_OUT, runs it with sim.createSimulate and writes REF_OUT:
   {...meta, t, spkt, spkid, traces: {name: {cell_<gid>: [values]}}, flat: [constant traces],
    stable, vmax}  (floats as Python repr: exact).
Prints one JSON line {stable, spikes, cellSpikes, traces, vmax, nonfinite, flat}. Exit 2: the mechanism did not load.
"""
import collections
import contextlib
import io
import json
import math
import os
import sys

os.environ.setdefault('MPLBACKEND', 'Agg')
from neuron import h  # noqa: E402

proto_path, spec_path, ref_path = sys.argv[1:4]
proto = json.load(open(proto_path), object_pairs_hook=collections.OrderedDict)
name, kind = proto['mech']['name'], proto['mech']['kind']


def probe_objects():
    """A throw-away section with the protocol's mechanisms; returns (section, mech-or-pp object)."""
    sec = h.Section(name='probe')
    soma = next(iter(proto['netParams']['cellParams'].values()), {}).get('secs', {}).get('soma', {}) \
        if proto['netParams'].get('cellParams') else {}
    for mech in soma.get('mechs', {}):
        sec.insert(mech)
    if kind == 'density':
        return sec, getattr(sec(0.5), name)
    if kind == 'point':
        return sec, getattr(h, name)(sec(0.5))
    return sec, getattr(h, name)()


try:
    probe_sec, probe_obj = probe_objects()
except Exception as e:  # the library did not define the mechanism (or it clashes with a built-in)
    print(json.dumps({'error': 'mechanism %s not available: %s' % (name, e)}))
    sys.exit(2)

traces = proto['simConfig']['recordTraces']
for key in list(traces):
    rec = traces[key]
    target = probe_obj if ('mech' in rec or 'synMech' in rec or 'pointp' in rec or 'sec' not in rec) else probe_sec(0.5)
    try:
        getattr(target, '_ref_' + rec['var'])
    except Exception:
        del traces[key]
del probe_obj, probe_sec

from netpyne import sim, specs  # noqa: E402


def default(o):
    if hasattr(o, 'tolist'):
        return o.tolist()
    if isinstance(o, (set, tuple, range)):
        return list(o)
    raise TypeError(type(o).__name__)


spec = {'netParams': specs.NetParams(proto['netParams']).todict(), 'simConfig': specs.SimConfig(proto['simConfig']).todict()}
with open(spec_path, 'w') as f:
    json.dump(spec, f, separators=(',', ':'), default=default)

spec = json.load(open(spec_path), object_pairs_hook=collections.OrderedDict)
with contextlib.redirect_stdout(io.StringIO()):
    sim.createSimulate(netParams=specs.NetParams(spec['netParams']), simConfig=specs.SimConfig(spec['simConfig']))
data = sim.allSimData

out_traces, flat, nonfinite, vmax = {}, [], [], 0.0
for key in traces:
    cells = {c: [float(x) for x in vec] for c, vec in data.get(key, {}).items()}
    out_traces[key] = cells
    for vals in cells.values():
        if not all(math.isfinite(x) for x in vals):
            nonfinite.append(key)
            continue
        if vals and max(vals) == min(vals):
            flat.append(key)
        if traces[key]['var'] == 'v' and 'sec' in traces[key] and vals:
            vmax = max(vmax, max(abs(x) for x in vals))
stable = not nonfinite and vmax <= 200
spkt = [float(x) for x in data['spkt']]
spkid = [int(x) for x in data['spkid']]
ref = dict(proto.get('meta', {}))
ref.update({
    'source': 'NetPyNE 1.1.0 (git 3a0a522) on ' + h.nrnversion() + ', scripts/nmodl-refs/run_mod_ref.py',
    'duration': sim.cfg.duration, 'dt': sim.cfg.dt, 'recordStep': sim.cfg.recordStep,
    't': [float(x) for x in data['t']] if out_traces else [],
    'spkt': spkt, 'spkid': spkid, 'traces': out_traces, 'flat': flat, 'stable': stable, 'vmax': vmax,
})
json.dump(ref, open(ref_path, 'w'), separators=(',', ':'))
print(json.dumps({'stable': stable, 'spikes': len(spkt), 'cellSpikes': spkid.count(0), 'traces': len(out_traces),
                  'vmax': round(vmax, 3), 'nonfinite': nonfinite, 'flat': flat}))
