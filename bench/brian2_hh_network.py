"""Baseline for bench/hh-network.ts: the same HH network simulated in Brian2 (Debian's 2.5.1).

    /usr/bin/python3 bench/brian2_hh_network.py CELLS [DURATION_MS] [--indegree K] [--target cython|numpy|cpp_standalone]
The model of bench/neuron_hh_network.py --one-synapse, written as Brian2 users write it for speed:
N single-compartment HH somas (L = diam = 18.8 um, cm 1 uF/cm2, hh.mod at celsius 6.3, so q10 = 1:
gnabar 0.12, gkbar 0.036, gl 0.003 S/cm2, el -70, ena 50, ek -77 mV; hh.mod's vtrap(x, y) is
y/exprel(x/y), which Brian2 evaluates exactly), v_init -65 mV with m, h, n at steady state. One
Exp2Syn per cell as a current on the neuron (dA/dt = -A/tau1, dB/dt = -B/tau2, tau1 0.1, tau2 5 ms,
i = (B - A)*(e - v), e 0 mV, divided by the soma area; a spike of weight w adds w*factor to A and B,
NEURON's normalisation: peak conductance = w). Each cell is driven by its own NetStim-like train
(interval 100 ms, noise 0.5, start 0, as netstim.mod: first event at start + noise*interval*E,
then intervals (1 - noise)*interval + noise*interval*E, E ~ Exp(1); numpy, seed 1) from a
SpikeGeneratorGroup (weight 0.01 uS, delay 5 ms), and K (default 20) recurrent inputs from random
other cells (Python's random.Random(1) drawn as the NEURON script draws them, so for CELLS <= 2000
the same graph; weight 0.002 uS x 20/K, delay 5 ms). exponential_euler (Brian2's counterpart of
cnexp; v is conditionally linear too), dt = 0.025 ms; a spike is an upward crossing of 10 mV
(threshold and refractory condition v > 10 mV, as NetCon's threshold detector).
Timing: buildSeconds is the network construction (groups, synapses, input trains, initial
values). --target cython (default) / numpy: compileSeconds is a run(0*ms) first, which generates
and compiles (or loads from Brian2's cache) every code object; runSeconds is then run(DURATION)
from t = 0 (it still includes Brian2's per-run preparation). --target cpp_standalone
(build_on_run=False, a fresh project under /tmp, removed afterwards, one thread):
compileSeconds is device.build (code generation and make), runSeconds is the simulation loop as
the binary measures it (device._last_run_time), binarySeconds the whole binary (it also builds
the synapses and writes the results), binaryPeakRssBytes its peak RSS, and peakRssBytes the larger
of this process and the binary.
Prints one JSON line, like bench/neuron_hh_network.py.
"""
import argparse
import json
import math
import random
import resource
import shutil
import sys
import tempfile
import time

import numpy as np
import brian2 as b2
from brian2 import mV, ms, uS, um, uF, cm, siemens

DT = 0.025 * ms
TAU1, TAU2 = 0.1 * ms, 5 * ms
EQUATIONS = '''
dv/dt = (gl*(el - v) + gnabar*m**3*h*(ena - v) + gkbar*n**4*(ek - v) + i_syn/area)/Cm : volt
i_syn = (B - A)*(e_syn - v) : amp
dA/dt = -A/tau1 : siemens
dB/dt = -B/tau2 : siemens
dm/dt = alpha_m*(1 - m) - beta_m*m : 1
dh/dt = alpha_h*(1 - h) - beta_h*h : 1
dn/dt = alpha_n*(1 - n) - beta_n*n : 1
alpha_m = 1/exprel(-(v + 40*mV)/(10*mV))/ms : Hz
beta_m = 4*exp(-(v + 65*mV)/(18*mV))/ms : Hz
alpha_h = 0.07*exp(-(v + 65*mV)/(20*mV))/ms : Hz
beta_h = 1/(exp(-(v + 35*mV)/(10*mV)) + 1)/ms : Hz
alpha_n = 0.1/exprel(-(v + 55*mV)/(10*mV))/ms : Hz
beta_n = 0.125*exp(-(v + 65*mV)/(80*mV))/ms : Hz
'''


def exp2syn_factor(tau1, tau2):
    """Exp2Syn's normalisation (exp2syn.mod INITIAL): the peak of B - A after A = B = factor is 1."""
    tp = tau1 * tau2 / (tau2 - tau1) * math.log(tau2 / tau1)
    return 1 / (math.exp(-tp / tau2) - math.exp(-tp / tau1))


def netstim_trains(cells, duration, interval=100.0, noise=0.5, start=0.0, seed=1):
    """Event times [ms] < duration of one NetStim per cell (netstim.mod's init_sequence/next_invl)."""
    draws = int(duration / ((1 - noise) * interval)) + 2  # at most this many events fit
    e = np.random.default_rng(seed).exponential(1.0, (cells, draws))
    gaps = (1 - noise) * interval + noise * interval * e
    gaps[:, 0] = noise * interval * e[:, 0]  # first event: start + invl - interval*(1 - noise)
    times = start + np.cumsum(gaps, axis=1)
    keep = times < duration
    return np.nonzero(keep)[0], times[keep]


def recurrent_pairs(cells, indegree, seed=1):
    """(pre, post) arrays: each cell gets `indegree` distinct presynaptic cells other than itself,
    drawn as bench/neuron_hh_network.py draws them (the same graph for cells <= 2000)."""
    rng = random.Random(seed)
    pre = []
    for post in range(cells):
        pre += [j + (j >= post) for j in rng.sample(range(cells - 1), indegree)]
    return np.array(pre), np.repeat(np.arange(cells), indegree)


def build(cells, duration, indegree):
    factor = exp2syn_factor(float(TAU1 / ms), float(TAU2 / ms))
    namespace = {'area': math.pi * (18.8 * um) ** 2, 'Cm': 1 * uF / cm ** 2,
                 'gnabar': 0.12 * siemens / cm ** 2, 'gkbar': 0.036 * siemens / cm ** 2,
                 'gl': 0.003 * siemens / cm ** 2, 'el': -70 * mV, 'ena': 50 * mV, 'ek': -77 * mV,
                 'e_syn': 0 * mV, 'tau1': TAU1, 'tau2': TAU2,
                 'w_stim': 0.01 * uS * factor, 'w_rec': 0.002 * 20 / indegree * uS * factor}
    hh = b2.NeuronGroup(cells, EQUATIONS, threshold='v > 10*mV', refractory='v > 10*mV',
                        method='exponential_euler', namespace=namespace, name='hh')
    hh.v = -65 * mV
    hh.m = 'alpha_m/(alpha_m + beta_m)'
    hh.h = 'alpha_h/(alpha_h + beta_h)'
    hh.n = 'alpha_n/(alpha_n + beta_n)'
    index, times = netstim_trains(cells, duration)
    stim = b2.SpikeGeneratorGroup(cells, index, times * ms, name='netstim')
    to_hh = b2.Synapses(stim, hh, on_pre='A_post += w_stim; B_post += w_stim', delay=5 * ms,
                        namespace=namespace, name='stim_syn')
    to_hh.connect(i=np.arange(cells), j=np.arange(cells))
    rec = b2.Synapses(hh, hh, on_pre='A_post += w_rec; B_post += w_rec', delay=5 * ms,
                      namespace=namespace, name='rec_syn')
    pre, post = recurrent_pairs(cells, indegree)
    rec.connect(i=pre, j=post)
    spikes = b2.SpikeMonitor(hh, record=False, name='spikes')
    return b2.Network(hh, stim, to_hh, rec, spikes), spikes


def run_runtime(net, duration):
    """cython / numpy: returns (compileSeconds, runSeconds, extra fields)."""
    t0 = time.perf_counter()
    net.run(0 * ms)
    t1 = time.perf_counter()
    net.run(duration * ms)
    return t1 - t0, time.perf_counter() - t1, {}


RSS_WRAPPER = ('import resource, subprocess, sys\n'
               'rc = subprocess.call(["./main"])\n'
               'open("results/main_maxrss", "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n'
               'sys.exit(rc)\n')


def run_standalone(net, duration, directory):
    """cpp_standalone: net.run only records; device.build generates and compiles, the binary runs."""
    net.run(duration * ms)
    t0 = time.perf_counter()
    b2.device.build(directory=directory, compile=True, run=False, with_output=False)
    compile_s = time.perf_counter() - t0
    b2.prefs.devices.cpp_standalone.run_cmd_unix = [sys.executable, '-c', RSS_WRAPPER]
    b2.device.run(directory, False, [])
    with open(directory + '/results/main_maxrss') as f:
        main_rss = int(f.read()) * 1024
    return compile_s, b2.device._last_run_time, {'binarySeconds': b2.device.timers['run_binary'],
                                                   'binaryPeakRssBytes': main_rss}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('cells', type=int)
    parser.add_argument('duration', type=float, nargs='?', default=1000.0)
    parser.add_argument('--indegree', type=int, default=20)
    parser.add_argument('--target', choices=['cython', 'numpy', 'cpp_standalone'], default='cython')
    a = parser.parse_args()
    directory = None
    if a.target == 'cpp_standalone':
        directory = tempfile.mkdtemp(prefix='brian2_hh_network_', dir='/tmp')
        b2.set_device('cpp_standalone', build_on_run=False, directory=directory)
    else:
        b2.prefs.codegen.target = a.target
    b2.defaultclock.dt = DT
    t0 = time.perf_counter()
    net, spikes = build(a.cells, a.duration, a.indegree)
    build_s = time.perf_counter() - t0
    try:
        if directory:
            compile_s, run_s, extra = run_standalone(net, a.duration, directory)
        else:
            compile_s, run_s, extra = run_runtime(net, a.duration)
        count = int(spikes.num_spikes)
    finally:
        if directory:
            shutil.rmtree(directory, ignore_errors=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({'simulator': 'Brian2 %s (%s)' % (b2.__version__, a.target), 'cells': a.cells,
                      'durationMs': a.duration, 'buildSeconds': build_s, 'compileSeconds': compile_s,
                      'runSeconds': run_s, **extra,
                      'spikes': count, 'synapsesPerCell': 1, 'indegree': a.indegree,
                      'cellStepsPerSecond': a.cells * round(a.duration / 0.025) / run_s,
                      'peakRssBytes': max(rss, extra.get('binaryPeakRssBytes', 0))}))


if __name__ == '__main__':
    main()
