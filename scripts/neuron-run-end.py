"""Which events NEURON 8.2.2 still delivers at the end of a run (fixed step, dt 0.025, tstop 10).

    /usr/bin/python3 scripts/neuron-run-end.py
A NetStim firing once at `start` drives an IntFire1 (weight 2, delay 0); both spike trains are
recorded. Printed on this project's machine (test/sim/run-end.test.ts uses it):
{9.98: ([9.98], [9.98]), 9.99: ([9.990000000000002], [9.990000000000002]), 10.0: ([], []), 10.01: ([], [])}
with the run ending at t = 9.999999999999966 (t accumulated by half steps).
"""
from neuron import h

h.load_file('stdrun.hoc')
res = {}
for start in [9.98, 9.99, 10.0, 10.01]:
    ns = h.NetStim()
    ns.start, ns.number, ns.noise = start, 1, 0
    cell = h.IntFire1()
    nc = h.NetCon(ns, cell)
    nc.weight[0], nc.delay = 2, 0
    rec_ns, rec = h.Vector(), h.Vector()
    nc_ns = h.NetCon(ns, None)
    nc_ns.record(rec_ns)
    nc_cell = h.NetCon(cell, None)
    nc_cell.record(rec)
    h.dt = 0.025
    h.finitialize(-65)
    h.continuerun(10)
    res[start] = (list(rec_ns), list(rec))
print(res, h.t)
