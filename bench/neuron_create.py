"""Baseline for bench/create-network.ts: build the same HH network directly in NEURON.

    /usr/bin/python3 bench/neuron_create.py CELLS CONVERGENCE
N single-compartment HH somas (L = diam = 18.8 um, Ra 123, gl 0.003, el -70), each with
CONVERGENCE Exp2Syn synapses driven by NetCons from random other cells (weight 0.002 uS,
delay 5 ms) and one NetStim -> Exp2Syn input. Prints one JSON line with the build time [s]
and the peak RSS [bytes]. This is what NetPyNE's network creation ends up doing in NEURON,
without NetPyNE's own Python bookkeeping, so it understates NetPyNE's cost.
"""
import json
import random
import resource
import sys
import time

from neuron import h

cells, conv = int(sys.argv[1]), int(sys.argv[2])
t0 = time.perf_counter()
somas = []
for i in range(cells):
    s = h.Section(name='soma_%d' % i)
    s.L = s.diam = 18.8
    s.Ra = 123
    s.insert('hh')
    for seg in s:
        seg.hh.gl = 0.003
        seg.hh.el = -70
    somas.append(s)
keep = []
rng = random.Random(1)
for post in range(cells):
    for pre in rng.sample(range(cells), conv):  # timing baseline: the odd self-connection does not matter
        syn = h.Exp2Syn(somas[post](0.5))
        syn.tau1, syn.tau2, syn.e = 0.1, 5, 0
        nc = h.NetCon(somas[pre](0.5)._ref_v, syn, sec=somas[pre])
        nc.weight[0], nc.delay, nc.threshold = 0.002, 5, 10
        keep.append((syn, nc))
    stim = h.NetStim()
    stim.interval, stim.noise, stim.start, stim.number = 100, 0.5, 0, 1e9
    syn = h.Exp2Syn(somas[post](0.5))
    nc = h.NetCon(stim, syn)
    nc.weight[0], nc.delay = 0.01, 5
    keep.append((stim, syn, nc))
seconds = time.perf_counter() - t0
print(json.dumps({'simulator': 'NEURON ' + h.nrnversion(), 'cells': cells, 'synapses': cells * (conv + 1), 'seconds': seconds,
                  'peakRssBytes': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
