"""Reference for sections given by 3-D points (pt3d), from NEURON 8.2.2 itself.

    /usr/bin/python3 scripts/neuron-pt3d-traces.py > test/data/neuron-pt3d.json
(Debian: apt-get install neuron python3-neuron.) The cell is built from NET_PARAMS the way
NetPyNE's CompartCell.createNEURONObj builds it: scalar geom values by setattr, then
h.pt3dclear and h.pt3dadd(cell x + x, -cell y + y, cell z + z, diam) (pt3dRelativeToCellLocation
and invertedYCoord, NetPyNE's defaults), mechanisms, then topology. Recorded: L, the stored 3-D
arc lengths, seg.area() and seg.ri() of every segment, and v every step (Vector.record, no Dt)
at the soma centre and each dendrite segment centre.
"""
import json

from neuron import h

h.load_file('stdrun.hoc')

HH = {'gnabar': 0.12, 'gkbar': 0.036, 'gl': 0.0003, 'el': -54.3}
NET_PARAMS = {
    'cellParams': {'PT3D': {'secs': {
        'soma': {
            'geom': {'Ra': 123.0, 'cm': 1.0, 'pt3d': [
                [0.0, 0.0, 0.0, 12.3], [0.4, 4.9, 0.3, 17.6], [0.2, 11.1, -0.4, 19.25], [-0.3, 17.2, 0.2, 8.8]]},
            'mechs': {'hh': HH},
        },
        'dend': {
            # tapering, bending, with a step in diameter (two points at one place)
            'geom': {'nseg': 5, 'Ra': 150.0, 'cm': 1.1, 'pt3d': [
                [-0.3, 17.2, 0.2, 3.1], [6.8, 41.3, 2.9, 2.7], [6.8, 41.3, 2.9, 2.4], [-5.2, 77.9, 11.3, 2.2],
                [3.7, 121.4, -4.6, 1.6], [14.9, 160.2, 6.1, 1.1], [12.1, 171.7, 9.4, 0.8]]},
            'topol': {'parentSec': 'soma', 'parentX': 1.0, 'childX': 0.0},
            'mechs': {'pas': {'g': 0.0002, 'e': -65.0}},
        },
    }}},
    'popParams': {'P': {'cellType': 'PT3D', 'cellsList': [{'x': 41.7, 'y': 123.9, 'z': -8.3}]}},
    'stimSourceParams': {'ic': {'type': 'IClamp', 'del': 5.0, 'dur': 20.0, 'amp': 0.3}},
    'stimTargetParams': {'ic->P': {'source': 'ic', 'conds': {'pop': 'P'}, 'sec': 'soma', 'loc': 0.5}},
}
DT, TSTOP, V_INIT, CELSIUS = 0.025, 40.0, -65.0, 6.3
SIM_CONFIG = {'duration': TSTOP, 'dt': DT, 'recordStep': DT, 'hParams': {'v_init': V_INIT, 'celsius': CELSIUS}}

cell = NET_PARAMS['popParams']['P']['cellsList'][0]
origin = (cell['x'], -cell['y'], cell['z'])
rule = NET_PARAMS['cellParams']['PT3D']['secs']
secs = {}
for name, sp in rule.items():
    sec = secs[name] = h.Section(name=name)
    for param, value in sp['geom'].items():
        if not isinstance(value, (list, dict)):
            setattr(sec, param, value)
    h.pt3dclear(sec=sec)
    for p in sp['geom']['pt3d']:
        h.pt3dadd(origin[0] + p[0], origin[1] + p[1], origin[2] + p[2], p[3], sec=sec)
    for mech, params in sp['mechs'].items():
        sec.insert(mech)
        for param, value in params.items():
            for seg in sec:
                setattr(getattr(seg, mech), param, value)
for name, sp in rule.items():
    if 'topol' in sp:
        t = sp['topol']
        secs[name].connect(secs[t['parentSec']], t['parentX'], t['childX'])

stim = NET_PARAMS['stimSourceParams']['ic']
ic = h.IClamp(secs['soma'](0.5))
ic.delay, ic.dur, ic.amp = stim['del'], stim['dur'], stim['amp']

points = {'soma': [secs['soma'](0.5)]}
points['dend'] = list(secs['dend'])
vecs = {f'{name}({seg.x})': h.Vector().record(seg._ref_v) for name, segs in points.items() for seg in segs}
h.dt = DT
h.celsius = CELSIUS
h.finitialize(V_INIT)
h.continuerun(TSTOP)

out = {
    'simulator': 'NEURON ' + h.nrnversion(),
    'netParams': NET_PARAMS,
    'simConfig': SIM_CONFIG,
    'sections': {name: {
        'L': sec.L,
        'arc3d': [sec.arc3d(i) for i in range(sec.n3d())],
        'x': [seg.x for seg in sec],
        'area': [seg.area() for seg in sec],
        'ri': [seg.ri() for seg in sec],
    } for name, sec in secs.items()},
    'v': {k: list(v) for k, v in vecs.items()},
}
print(json.dumps(out))
