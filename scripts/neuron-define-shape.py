"""Reference for netParams.defineCellShapes, from NEURON 8.2.2 itself.

    /usr/bin/python3 scripts/neuron-define-shape.py > test/data/neuron-define-shape.json
(Debian: apt-get install neuron python3-neuron.) Cells are built from CELL_PARAMS the way
NetPyNE's CompartCell.createNEURONObj builds them (sections, then topology in rule order, then
scalar geom values by setattr in dict order, then mechanisms), at each position of POSITIONS.
SEG_DIAMS then gives some sections a diameter per segment (NetPyNE cannot, but define_shape
takes each segment's diameter). After all cells exist, as network/shape.py defineCellShapes:
h.define_shape() once, then CompartCell.updateShape for every cell (compartCell.py:1867-1884):
each point i of a section becomes pt3d = [y3d(i), x3d(i), 0, diam3d(i)] and
h.pt3dchange(i, x + pt3d[0], -y + pt3d[1], z + pt3d[2], pt3d[3]) with (x, y, z) the cell's position.
Recorded per cell and section: the points define_shape made, the points after updateShape, L,
and seg.area(), seg.ri(), seg.diam and the 3-D position (NetPyNE's subconn.py posFromLoc, on
h.arc3d/h.x3d/...) of every segment centre.
"""
import json

from neuron import h

CELL_PARAMS = {
    # a soma and a chain of three dendrites, as in NetPyNE's examples/subConn
    'CHAIN': {'secs': {
        'soma': {'geom': {'diam': 20, 'L': 20, 'Ra': 123.0}, 'mechs': {'hh': {}}},
        'dend1': {'geom': {'diam': 1.0, 'L': 250.0, 'Ra': 150.0, 'nseg': 5, 'cm': 1},
                  'topol': {'parentSec': 'soma', 'parentX': 1.0, 'childX': 0}, 'mechs': {'pas': {'g': 3.57e-05, 'e': -70}}},
        'dend2': {'geom': {'diam': 0.8, 'L': 200.0, 'Ra': 150.0, 'nseg': 5, 'cm': 1},
                  'topol': {'parentSec': 'dend1', 'parentX': 1.0, 'childX': 0}, 'mechs': {'pas': {'g': 3.57e-05, 'e': -70}}},
        'dend3': {'geom': {'diam': 0.5, 'L': 150.0, 'Ra': 150.0, 'nseg': 5, 'cm': 1},
                  'topol': {'parentSec': 'dend2', 'parentX': 1.0, 'childX': 0}, 'mechs': {'pas': {'g': 3.57e-05, 'e': -70}}},
    }},
    # two children at the soma's end, three at a1's end, two inside a2 (x 0.5), one at the soma's
    # start (x 0) with a child of its own, one inside c1 (x 0.3)
    'BRANCHED': {'secs': {
        'soma': {'geom': {'diam': 18.3, 'L': 21.7, 'Ra': 110.0}},
        'a1': {'geom': {'diam': 2.3, 'L': 123.4, 'Ra': 150.0, 'nseg': 3}, 'topol': {'parentSec': 'soma', 'parentX': 1.0, 'childX': 0}},
        'a2': {'geom': {'diam': 1.9, 'L': 87.9, 'Ra': 150.0, 'nseg': 2}, 'topol': {'parentSec': 'soma', 'parentX': 1.0, 'childX': 0}},
        'b1': {'geom': {'diam': 1.1, 'L': 61.3, 'Ra': 150.0, 'nseg': 4}, 'topol': {'parentSec': 'a1', 'parentX': 1.0, 'childX': 0}},
        'b2': {'geom': {'diam': 0.9, 'L': 77.7, 'Ra': 150.0, 'nseg': 1}, 'topol': {'parentSec': 'a1', 'parentX': 1.0, 'childX': 0}},
        'b3': {'geom': {'diam': 0.7, 'L': 45.1, 'Ra': 150.0, 'nseg': 7}, 'topol': {'parentSec': 'a1', 'parentX': 1.0, 'childX': 0}},
        'c1': {'geom': {'diam': 0.8, 'L': 33.3, 'Ra': 150.0, 'nseg': 3}, 'topol': {'parentSec': 'a2', 'parentX': 0.5, 'childX': 0}},
        'c2': {'geom': {'diam': 0.6, 'L': 29.9, 'Ra': 150.0, 'nseg': 1}, 'topol': {'parentSec': 'a2', 'parentX': 0.5, 'childX': 0}},
        'd': {'geom': {'diam': 3.1, 'L': 140.2, 'Ra': 150.0, 'nseg': 5}, 'topol': {'parentSec': 'soma', 'parentX': 0.0, 'childX': 0}},
        'd1': {'geom': {'diam': 1.3, 'L': 52.6, 'Ra': 150.0, 'nseg': 2}, 'topol': {'parentSec': 'd', 'parentX': 1.0, 'childX': 0}},
        'e': {'geom': {'diam': 0.4, 'L': 17.5, 'Ra': 150.0, 'nseg': 1}, 'topol': {'parentSec': 'c1', 'parentX': 0.3, 'childX': 0}},
    }},
    # one tapering dendrite: its diameters are set per segment (SEG_DIAMS)
    'PERSEG': {'secs': {
        'soma': {'geom': {'diam': 12.0, 'L': 15.0, 'Ra': 100.0}},
        'dend': {'geom': {'diam': 2.0, 'L': 180.5, 'Ra': 130.0, 'nseg': 4}, 'topol': {'parentSec': 'soma', 'parentX': 1.0, 'childX': 0}},
    }},
}
SEG_DIAMS = {'PERSEG': {'dend': [2.0, 1.55, 1.1, 0.65]}}
POSITIONS = [[41.7, 123.9, -8.3], [87.25, 612.5, 33.1]]


def create(rule):
    secs = {name: h.Section(name=name) for name in rule['secs']}
    for name, sp in rule['secs'].items():
        if sp.get('topol'):
            t = sp['topol']
            secs[name].connect(secs[t['parentSec']], t['parentX'], t['childX'])
    for name, sp in rule['secs'].items():
        for param, value in sp['geom'].items():
            setattr(secs[name], param, value)
        for mech, params in sp.get('mechs', {}).items():
            secs[name].insert(mech)
            for param, value in params.items():
                for seg in secs[name]:
                    setattr(getattr(seg, mech), param, value)
    return secs


def points(sec):
    return {'x3d': [sec.x3d(i) for i in range(sec.n3d())], 'y3d': [sec.y3d(i) for i in range(sec.n3d())],
            'z3d': [sec.z3d(i) for i in range(sec.n3d())], 'diam3d': [sec.diam3d(i) for i in range(sec.n3d())],
            'arc3d': [sec.arc3d(i) for i in range(sec.n3d())], 'L': sec.L}


def pos_from_loc(sec, x):
    """NetPyNE network/subconn.py posFromLoc."""
    s = x * sec.L
    b = next(i for i in range(sec.n3d()) if sec.arc3d(i) >= s)
    if sec.arc3d(b) == s:
        return [sec.x3d(b), sec.y3d(b), sec.z3d(b)]
    a = b - 1
    t = (s - sec.arc3d(a)) / (sec.arc3d(b) - sec.arc3d(a))
    return [sec.x3d(a) + t * (sec.x3d(b) - sec.x3d(a)), sec.y3d(a) + t * (sec.y3d(b) - sec.y3d(a)), sec.z3d(a) + t * (sec.z3d(b) - sec.z3d(a))]


cells = []
for label, rule in CELL_PARAMS.items():
    for position in POSITIONS:
        secs = create(rule)
        for name, diams in SEG_DIAMS.get(label, {}).items():
            for seg, d in zip(secs[name], diams):
                seg.diam = d
        cells.append({'rule': label, 'position': position, 'secs': secs})

h.define_shape()
for cell in cells:
    cell['defineShape'] = {name: points(sec) for name, sec in cell['secs'].items()}
    x, y, z = cell['position'][0], -cell['position'][1], cell['position'][2]
    for sec in cell['secs'].values():
        for i in range(sec.n3d()):
            pt3d = [sec.y3d(i), sec.x3d(i), 0, sec.diam3d(i)]
            h.pt3dchange(i, x + pt3d[0], y + pt3d[1], z + pt3d[2], pt3d[3], sec=sec)

out = {
    'simulator': 'NEURON ' + h.nrnversion(),
    'cellParams': CELL_PARAMS,
    'segDiams': SEG_DIAMS,
    'positions': POSITIONS,
    'cells': [{
        'rule': cell['rule'],
        'position': cell['position'],
        'defineShape': cell['defineShape'],
        'sections': {name: {
            **points(sec),
            'area': [seg.area() for seg in sec],
            'ri': [seg.ri() for seg in sec],
            'diam': [seg.diam for seg in sec],
            'pos': [pos_from_loc(sec, seg.x) for seg in sec],
        } for name, sec in cell['secs'].items()},
    } for cell in cells],
}
print(json.dumps(out))
