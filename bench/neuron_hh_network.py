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
import json
import random
import resource
import sys
import time

from neuron import h

h.load_file('stdrun.hoc')
one_synapse = '--one-synapse' in sys.argv
indegree = int(sys.argv[sys.argv.index('--indegree') + 1]) if '--indegree' in sys.argv else 20
args = [a for i, a in enumerate(sys.argv[1:]) if not a.startswith('--') and sys.argv[i] != '--indegree']
cells = int(args[0])
duration = float(args[1]) if len(args) > 1 else 1000.0
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
    pc.set_gid2node(i, pc.id())
    nc = h.NetCon(s(0.5)._ref_v, None, sec=s)
    nc.threshold = 10
    pc.cell(i, nc)
def exp2syn(post):
    syn = h.Exp2Syn(somas[post](0.5))
    syn.tau1, syn.tau2, syn.e = 0.1, 5, 0
    keep.append(syn)
    return syn


shared = [exp2syn(post) for post in range(cells)] if one_synapse else None
rng = random.Random(1)
for post in range(cells):
    for pre in rng.sample([c for c in range(cells) if c != post] if cells <= 2000 else range(cells), indegree):
        syn = shared[post] if one_synapse else exp2syn(post)
        nc = pc.gid_connect(pre, syn)
        nc.weight[0], nc.delay = 0.002 * 20 / indegree, 5
        keep.append((syn, nc))
    stim = h.NetStim()
    stim.interval, stim.noise, stim.start, stim.number = 100, 0.5, 0, 1e9
    stim.noiseFromRandom123(1, post, 1)
    syn = shared[post] if one_synapse else exp2syn(post)
    nc = h.NetCon(stim, syn)
    nc.weight[0], nc.delay = 0.01, 5
    keep.append((stim, syn, nc))
spkt, spkid = h.Vector(), h.Vector()
pc.spike_record(-1, spkt, spkid)
build = time.perf_counter() - t0
h.dt = 0.025
h.celsius = 6.3
pc.set_maxstep(10)
t1 = time.perf_counter()
h.finitialize(-65)
pc.psolve(duration)
run = time.perf_counter() - t1
print(json.dumps({'simulator': 'NEURON ' + h.nrnversion(), 'cells': cells, 'durationMs': duration, 'buildSeconds': build,
                  'runSeconds': run, 'spikes': int(spkt.size()), 'synapsesPerCell': 1 if one_synapse else indegree + 1, 'indegree': indegree, 'cellStepsPerSecond': cells * round(duration / 0.025) / run,
                  'peakRssBytes': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
