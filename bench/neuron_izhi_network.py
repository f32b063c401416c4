"""Baseline for a delivery-bound network of Izhikevich cells, simulated directly in NEURON.

    /usr/bin/python3 bench/neuron_izhi_network.py CELLS [DURATION_MS] [--one-synapse] [--indegree K]
N Izhikevich regular-spiking cells as NetPyNE's tutorial 4 builds them: a soma Section (diam 10,
L 10, cm 31.831 uF/cm2, so 100 pF; no other mechanisms) with an Izhi2007b point process at
soma(0.5) (C 1, k 0.7, vr -60, vt -40, vpeak 35, a 0.03, b -2, c -50, d 100, celltype 1; the
mod is the repository's mod/Izhi2007b.mod, v is the section's voltage), spikes detected by a
NetCon on soma(0.5)._ref_v with NetPyNE's default threshold 10 mV. Each cell is driven by its
own NetStim (RATE Hz, noise 0.5, start 0, Random123 stream) through an Exp2Syn (tau1 1, tau2
5 ms, e 0; weight STIM_WEIGHT uS, delay 5 ms), and has K (--indegree, default 100) recurrent
Exp2Syn inputs from distinct random other cells (seeded, no self-connections; weight
RECURRENT_WEIGHT / K uS, so the recurrent drive stays the same; delay 5 ms). v_init -65 mV
(NetPyNE's; the Izhi2007b INITIAL sets v = vr), fixed step dt = 0.025 ms, as NetPyNE runs it
(pc.psolve). The NetPyNE spec of this model:
    cellParams Izhi: secs.soma: geom {diam 10, L 10, cm 31.831},
                     pointps.Izhi {mod Izhi2007b, C 1, k 0.7, vr -60, vt -40, vpeak 35, a 0.03, b -2, c -50, d 100, celltype 1}
    popParams E: {cellType Izhi, numCells N}; synMechParams exc: {mod Exp2Syn, tau1 1, tau2 5, e 0}
    connParams E->E: {preConds pop E, postConds pop E, convergence K, weight RECURRENT_WEIGHT/K, delay 5, synMech exc}
    stimSourceParams bkg: {type NetStim, rate RATE, noise 0.5}
    stimTargetParams bkg->E: {source bkg, conds pop E, weight STIM_WEIGHT, delay 5, synMech exc}
    simConfig {duration 1000, dt 0.025}
By default each connection has its own Exp2Syn (K + 1 per cell), as NetPyNE builds it; with
--one-synapse all K + 1 NetCons of a cell share one Exp2Syn, as NEURON users write this model
(the synapses are identical and linear, so this is the same model, up to the order of additions).
Izhi2007b is compiled once with nrnivmodl into a cache folder outside the repository
($TMPDIR/spikegpu-bench-mod-<hash of the mod file>) and loaded with nrn_load_dll.
Prints one JSON line: build and run times [s], spikes, recurrent synaptic events delivered
(spikes x K), mean rate [Hz], synapses per cell, peak RSS [bytes].
"""
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

from neuron import h

from neuron_network import arguments, detect, report, run, wire

RATE = 100.0  # background NetStim rate [Hz]
STIM_WEIGHT = 0.002  # background Exp2Syn weight [uS]
RECURRENT_WEIGHT = 0.008  # summed recurrent weight per cell [uS]; each connection RECURRENT_WEIGHT / K
IZHI = {'C': 1, 'k': 0.7, 'vr': -60, 'vt': -40, 'vpeak': 35, 'a': 0.03, 'b': -2, 'c': -50, 'd': 100, 'celltype': 1}
MOD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'mod', 'Izhi2007b.mod')


def mechanism_library():
    """The compiled Izhi2007b (libnrnmech.so), built with nrnivmodl only when the cache lacks it."""
    with open(MOD, 'rb') as f:
        text = f.read()
    cache = os.path.join(tempfile.gettempdir(), 'spikegpu-bench-mod-' + hashlib.sha256(text).hexdigest()[:12])

    def library(d):
        found = glob.glob(os.path.join(d, '*', '.libs', 'libnrnmech.so')) + glob.glob(os.path.join(d, '*', 'libnrnmech.so'))
        return found[0] if found else None

    if library(cache):
        return library(cache)
    work = tempfile.mkdtemp(prefix='spikegpu-bench-mod-build-')
    shutil.copy(MOD, os.path.join(work, 'Izhi2007b.mod'))
    quiet = {'cwd': work, 'stdout': subprocess.DEVNULL, 'stderr': subprocess.DEVNULL}
    subprocess.run(['nrnivmodl'], **quiet)
    if not library(work) and os.path.exists('/usr/lib/nrn/nrnmech_makefile'):
        # Debian 12 (8.2.2): nrnivmodl looks for ${bindir}/nrnmech_makefile and libnrniv in ${libdir};
        # its final 'special' link may fail (ivstream.h), but the library Python loads is built
        with open(shutil.which('nrnivmodl')) as f:
            script = f.read()
        script = script.replace('"${bindir}/nrnmech_makefile"', '"/usr/lib/nrn/nrnmech_makefile"')
        script = script.replace('"ROOT=${prefix}"', '"ROOT=${prefix}" "libdir=/usr/lib/nrn"')
        with open(os.path.join(work, 'nrnivmodl-patched'), 'w') as f:
            f.write(script)
        subprocess.run(['bash', 'nrnivmodl-patched'], **quiet)
    if not library(work):
        raise RuntimeError('nrnivmodl failed to build Izhi2007b in ' + work)
    try:
        os.rename(work, cache)  # atomic: a concurrent build that finished first keeps its copy
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
    return library(cache)


h.nrn_load_dll(mechanism_library())
h.load_file('stdrun.hoc')
cells, duration, indegree, one_synapse = arguments(100)
if not 0 < indegree < cells:
    sys.exit('--indegree must be between 1 and CELLS - 1')
t0 = time.perf_counter()
pc = h.ParallelContext()
somas, keep = [], []
for i in range(cells):
    s = h.Section(name='soma_%d' % i)
    s.diam, s.L, s.cm = 10, 10, 31.831
    izh = h.Izhi2007b(s(0.5))
    for name, value in IZHI.items():
        setattr(izh, name, value)
    somas.append(s)
    keep.append(izh)
    detect(pc, i, s)


def exp2syn(post):
    syn = h.Exp2Syn(somas[post](0.5))
    syn.tau1, syn.tau2, syn.e = 1, 5, 0
    keep.append(syn)
    return syn


def presynaptic(rng, post):
    """K distinct presynaptic cells other than post: a sample of 0..cells-2, shifted past post."""
    return [pre + (pre >= post) for pre in rng.sample(range(cells - 1), indegree)]


keep += wire(pc, cells, exp2syn, presynaptic, indegree, RECURRENT_WEIGHT, 1000 / RATE, STIM_WEIGHT, one_synapse)
build = time.perf_counter() - t0
seconds, spikes = run(pc, duration)
report(cells, duration, build, seconds, spikes, one_synapse, indegree, synapticEvents=spikes * indegree, avgRateHz=spikes / cells / (duration / 1000))
