"""Baseline for bench/hh-network.ts: the same HH network simulated directly in NEURON.

    /usr/bin/python3 bench/neuron_hh_network.py CELLS [DURATION_MS] [--one-synapse] [--indegree K]
N single-compartment HH somas (fixture A: L = diam = 18.8 um, Ra 123, gl 0.003, el -70), each
driven by its own NetStim (10 Hz, noise 0.5, Random123 stream) through an Exp2Syn (tau1 0.1,
tau2 5 ms, weight 0.01 uS, delay 5 ms), and 20 (--indegree K: K) recurrent Exp2Syn inputs from
random other cells (weight 0.002 uS x 20/K, so the recurrent drive stays the same; delay 5 ms); fixed step dt = 0.025 ms, as NetPyNE runs it (pc.psolve).
By default each connection has its own Exp2Syn (21 per cell), as NetPyNE builds it; with
--one-synapse all 21 NetCons of a cell share one Exp2Syn, as NEURON users write this model (the
synapses are identical and linear, so this is the same model, up to the order of additions).
Prints one JSON line: build and run times [s], spikes, synapses per cell, peak RSS [bytes].
"""
import time

from neuron import h

from neuron_network import arguments, detect, report, run, wire

h.load_file('stdrun.hoc')
cells, duration, indegree, one_synapse = arguments(20)
t0 = time.perf_counter()
pc = h.ParallelContext()
somas, keep = [], []
for i in range(cells):
    s = h.Section(name='soma_%d' % i)
    s.L = s.diam = 18.8
    s.Ra = 123
    s.insert('hh')
    for seg in s:
        seg.hh.gl = 0.003
        seg.hh.el = -70
    somas.append(s)
    detect(pc, i, s)


def exp2syn(post):
    syn = h.Exp2Syn(somas[post](0.5))
    syn.tau1, syn.tau2, syn.e = 0.1, 5, 0
    keep.append(syn)
    return syn


def presynaptic(rng, post):
    return rng.sample([c for c in range(cells) if c != post] if cells <= 2000 else range(cells), indegree)


keep += wire(pc, cells, exp2syn, presynaptic, indegree, 0.002 * 20, 100, 0.01, one_synapse)
build = time.perf_counter() - t0
seconds, spikes = run(pc, duration)
report(cells, duration, build, seconds, spikes, one_synapse, indegree)
