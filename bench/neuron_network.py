"""What bench/neuron_hh_network.py and bench/neuron_izhi_network.py share: the command line, the
wiring (a NetStim per cell and K recurrent inputs, into one Exp2Syn per cell or one per
connection), the run as NetPyNE runs it (pc.psolve at dt 0.025 ms) and the JSON line."""
import json
import random
import resource
import sys
import time

from neuron import h


def arguments(default_indegree):
    """CELLS [DURATION_MS] [--one-synapse] [--indegree K] -> (cells, duration, indegree, one_synapse)."""
    indegree = int(sys.argv[sys.argv.index('--indegree') + 1]) if '--indegree' in sys.argv else default_indegree
    args = [a for i, a in enumerate(sys.argv[1:]) if not a.startswith('--') and sys.argv[i] != '--indegree']
    return int(args[0]), float(args[1]) if len(args) > 1 else 1000.0, indegree, '--one-synapse' in sys.argv


def detect(pc, gid, sec):
    """gid's spike source: a threshold detector on sec(0.5)'s v (NetPyNE's default threshold 10 mV)."""
    pc.set_gid2node(gid, pc.id())
    nc = h.NetCon(sec(0.5)._ref_v, None, sec=sec)
    nc.threshold = 10
    pc.cell(gid, nc)


def wire(pc, cells, synapse, presynaptic, indegree, recurrent_weight, stim_interval, stim_weight, one_synapse):
    """Per cell: `indegree` recurrent NetCons from presynaptic(rng, post) (weight recurrent_weight / K,
    5 ms) and a NetStim (stim_interval ms, noise 0.5, Random123 stream (1, post, 1); stim_weight,
    5 ms), into `synapse(post)`: one per cell shared by all (one_synapse) or one per NetCon.
    Returns what must stay alive."""
    keep = []
    shared = [synapse(post) for post in range(cells)] if one_synapse else None
    target = lambda post: shared[post] if one_synapse else synapse(post)
    rng = random.Random(1)
    for post in range(cells):
        for pre in presynaptic(rng, post):
            syn = target(post)
            nc = pc.gid_connect(pre, syn)
            nc.weight[0], nc.delay = recurrent_weight / indegree, 5
            keep.append((syn, nc))
        stim = h.NetStim()
        stim.interval, stim.noise, stim.start, stim.number = stim_interval, 0.5, 0, 1e9
        stim.noiseFromRandom123(1, post, 1)
        syn = target(post)
        nc = h.NetCon(stim, syn)
        nc.weight[0], nc.delay = stim_weight, 5
        keep.append((stim, syn, nc))
    return keep


def run(pc, duration, v_init=-65):
    """finitialize and pc.psolve at dt 0.025 ms, celsius 6.3: (run seconds, spike count)."""
    spkt, spkid = h.Vector(), h.Vector()
    pc.spike_record(-1, spkt, spkid)
    h.dt = 0.025
    h.celsius = 6.3
    pc.set_maxstep(10)
    t1 = time.perf_counter()
    h.finitialize(v_init)
    pc.psolve(duration)
    return time.perf_counter() - t1, int(spkt.size())


def report(cells, duration, build, seconds, spikes, one_synapse, indegree, **extra):
    print(json.dumps({'simulator': 'NEURON ' + h.nrnversion(), 'cells': cells, 'durationMs': duration, 'buildSeconds': build,
                      'runSeconds': seconds, 'spikes': spikes, 'synapsesPerCell': 1 if one_synapse else indegree + 1, 'indegree': indegree,
                      'cellStepsPerSecond': cells * round(duration / 0.025) / seconds, **extra,
                      'peakRssBytes': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
