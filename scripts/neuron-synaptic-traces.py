"""NEURON 8.2.2 reference for synaptic input at dt = 0.1 ms (test/sim/neuron-synaptic.test.ts).

    /usr/bin/python3 scripts/neuron-synaptic-traces.py [MODDIR] > test/data/neuron-synaptic.json
MODDIR holds NetPyNE's izhi2007b.mod, the version spikegpu's Izhi2007b follows (C = 1, u = 0 in
INITIAL: NetPyNE's doc/source/code/mod; default $NETPYNE_SRC/doc/source/code/mod); it is
compiled with nrnivmodl in a temporary folder (Debian 12's nrnivmodl needs its makefile path
patched, as /work/shared/netpyne-oracle/nrnivmodl-debian does).

Each case stores a NetPyNE spec and NEURON's run of it, built as NetPyNE 1.1 builds it: the cell
(soma, its mechanisms and point processes), then per stimTargetParams rule an h.NetStim
(interval = rate**-1*1e3, noise 0, start, number 1e9), the synMech point process at soma(0.5)
and h.NetCon(netstim, synMech) with the rule's weight and delay; the spike detector
NetCon(soma(0.5)._ref_v, None) with threshold 10 mV and pc.spike_record; traces recorded as
NetPyNE records them, Vector.record(ptr, recordStep). h.dt = 0.1, celsius 6.3, secondorder 0,
h.finitialize(-65), h.continuerun(duration). Each case runs in its own interpreter.
  hh:   an HH soma (L = diam = 18.8 um, Ra 123, NEURON's default hh) driven at 200 Hz through
        Exp2Syn(tau1 0.05, tau2 5.3) (M1's AMPA), weight 0.002 uS: 14 spikes in 200 ms; v, A, B,
        g, i.
  izhi: M1's FS cell (Izhi2007b C 0.2, k 1, vr -55, vt -40, vpeak 25, a 0.2, b -2, c -45,
        d -55, celltype 5 on a 10 x 10 um soma with cm 31.831) with two AMPA synapses at
        soma(0.5), one from a 200 Hz NetStim, one from a 125 Hz NetStim starting at 1.3 ms
        (identical parameters: spikegpu may not merge them), weights 0.01 and 0.0075 uS; v, u
        and 33 spikes in 500 ms.
  izhi_syns: the same FS cell at dt = 0.05 ms (M1's intervalSaving) with eight synapses on its soma,
        as a cell of M1 has them: five AMPA, NMDA, GABAA and GABAB (M1's Exp2Syn parameters), each
        from its own NetStim (20-300 Hz, weights 0.001-0.01 uS); v and u every 0.1 ms and the
        spikes in 300 ms. With more than two synapses on the node the order of the sum matters:
        NEURON adds a node's point processes of one type last-created first (its property list).
Floats are written with repr() (shortest round trip), i.e. bit for bit.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

DT = 0.1
AMPA = {'mod': 'Exp2Syn', 'tau1': 0.05, 'tau2': 5.3, 'e': 0}
SYN_MECHS = {'AMPA': AMPA, 'NMDA': {'mod': 'Exp2Syn', 'tau1': 0.15, 'tau2': 15, 'e': 0},
             'GABAA': {'mod': 'Exp2Syn', 'tau1': 0.07, 'tau2': 9.1, 'e': -80},
             'GABAB': {'mod': 'Exp2Syn', 'tau1': 0.07, 'tau2': 9.1, 'e': -80}}
FS = {'mod': 'Izhi2007b', 'C': 0.2, 'k': 1.0, 'vr': -55, 'vt': -40, 'vpeak': 25, 'a': 0.2, 'b': -2, 'c': -45,
      'd': -55, 'celltype': 5}


def spec(soma, stims, traces, duration, dt=DT, record_step=DT):
    """A NetPyNE spec: one cell of rule C in pop P, NetStim stims (label, rate, start, weight[, synMech]:
    AMPA by default), each into its own synapse."""
    stims = [(*s, 'AMPA') if len(s) == 4 else s for s in stims]
    return {
        'netParams': {
            'cellParams': {'C': {'secs': {'soma': soma}}},
            'popParams': {'P': {'cellType': 'C', 'numCells': 1}},
            'synMechParams': {name: SYN_MECHS[name] for name in dict.fromkeys(s[4] for s in stims)},
            'stimSourceParams': {label: {'type': 'NetStim', 'rate': rate, 'noise': 0, 'start': start}
                                 for label, rate, start, _, _ in stims},
            'stimTargetParams': {f'{label}->P': {'source': label, 'conds': {'pop': 'P'}, 'sec': 'soma', 'loc': 0.5,
                                                 'synMech': syn, 'weight': weight, 'delay': 1}
                                 for label, _, _, weight, syn in stims},
        },
        'simConfig': {'duration': duration, 'dt': dt, 'recordStep': record_step, 'recordCells': ['all'],
                      'recordTraces': traces, 'hParams': {'celsius': 6.3, 'v_init': -65}},
    }


SYN_TRACE = lambda var: {'sec': 'soma', 'loc': 0.5, 'synMech': 'AMPA', 'var': var}
CASES = {
    'hh': spec({'geom': {'L': 18.8, 'diam': 18.8, 'Ra': 123}, 'mechs': {'hh': {}}},
               [('bkg', 200, 0, 0.002)],
               {'v': {'sec': 'soma', 'loc': 0.5, 'var': 'v'}, **{k: SYN_TRACE(k) for k in ('A', 'B', 'g', 'i')}}, 200),
    'izhi': spec({'geom': {'diam': 10, 'L': 10, 'cm': 31.831}, 'pointps': {'Izhi': FS}},
                 [('fast', 200, 0, 0.01), ('slow', 125, 1.3, 0.0075)],
                 {'v': {'sec': 'soma', 'loc': 0.5, 'var': 'v'}, 'u': {'sec': 'soma', 'pointp': 'Izhi', 'var': 'u'}}, 500),
    'izhi_syns': spec({'geom': {'diam': 10, 'L': 10, 'cm': 31.831}, 'pointps': {'Izhi': FS}},
                      [('e1', 200, 0, 0.004, 'AMPA'), ('e2', 125, 1.3, 0.003, 'AMPA'), ('e3', 90, 0.7, 0.002, 'AMPA'),
                       ('n1', 40, 2.1, 0.003, 'NMDA'), ('i1', 60, 0.4, 0.005, 'GABAA'), ('e4', 300, 0.2, 0.001, 'AMPA'),
                       ('i2', 20, 3.3, 0.002, 'GABAB'), ('e5', 150, 0.9, 0.002, 'AMPA')],
                      {'v': {'sec': 'soma', 'loc': 0.5, 'var': 'v'}, 'u': {'sec': 'soma', 'pointp': 'Izhi', 'var': 'u'}},
                      300, dt=0.05, record_step=0.1),
}


def run_case(name):
    """Builds CASES[name] in NEURON as NetPyNE does and runs it; returns traces and spikes."""
    from neuron import h
    h.load_file('stdrun.hoc')
    if os.environ.get('SPIKEGPU_MECHLIB'):
        h.nrn_load_dll(os.environ['SPIKEGPU_MECHLIB'])
    net, cfg = CASES[name]['netParams'], CASES[name]['simConfig']
    pc = h.ParallelContext()
    rule = net['cellParams']['C']['secs']['soma']
    soma = h.Section(name='soma')
    for k, v in rule['geom'].items():
        setattr(soma, k, v)
    for mech, params in rule.get('mechs', {}).items():
        soma.insert(mech)
        for k, v in params.items():
            setattr(getattr(soma(0.5), mech), k, v)
    pointps = {}
    for label, params in rule.get('pointps', {}).items():
        pp = getattr(h, params['mod'])(soma(0.5))
        for k, v in params.items():
            if k != 'mod':
                setattr(pp, k, v)
        pointps[label] = pp
    pc.set_gid2node(0, 0)
    detector = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
    detector.threshold = 10
    pc.cell(0, detector)
    keep, syns = [], []
    for target in net['stimTargetParams'].values():
        source = net['stimSourceParams'][target['source']]
        ns = h.NetStim()
        ns.interval = source['rate'] ** -1 * 1e3
        ns.noise = source['noise']
        ns.start = source['start']
        ns.number = 1e9
        syn = h.Exp2Syn(soma(target['loc']))
        for k, v in net['synMechParams'][target['synMech']].items():
            if k != 'mod':
                setattr(syn, k, v)
        nc = h.NetCon(ns, syn)
        nc.weight[0] = target['weight']
        nc.delay = target['delay']
        keep += [ns, syn, nc]
        syns.append(syn)
    vecs = {}
    for key, t in cfg['recordTraces'].items():
        if 'synMech' in t:
            ref = getattr(syns[0], '_ref_' + t['var'])
        elif 'pointp' in t:
            ref = getattr(pointps[t['pointp']], '_ref_' + t['var'])
        else:
            ref = soma(t['loc'])._ref_v
        vecs[key] = h.Vector().record(ref, cfg['recordStep'])
    spkt, spkid = h.Vector(), h.Vector()
    pc.spike_record(-1, spkt, spkid)
    h.dt = cfg['dt']
    h.secondorder = 0
    h.celsius = cfg['hParams']['celsius']
    h.finitialize(cfg['hParams']['v_init'])
    h.continuerun(cfg['duration'])
    return {'traces': {k: list(v) for k, v in vecs.items()}, 'spikes': {'t': list(spkt), 'gid': [int(g) for g in spkid]}}


def compile_izhi(moddir):
    """nrnivmodl on izhi2007b.mod in a temporary folder; returns the library path."""
    d = tempfile.mkdtemp(prefix='spikegpu-synaptic-mods-')
    shutil.copy(os.path.join(moddir, 'izhi2007b.mod'), d)
    with open(shutil.which('nrnivmodl')) as f:
        script = f.read().replace('"${bindir}/nrnmech_makefile"', '"/usr/lib/nrn/nrnmech_makefile" libdir=/usr/lib/nrn')
    with open(os.path.join(d, 'nrnivmodl-patched'), 'w') as f:
        f.write(script)
    subprocess.run(['bash', 'nrnivmodl-patched'], cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lib = os.path.join(d, 'x86_64', 'libnrnmech.so')
    if not os.path.exists(lib):
        raise RuntimeError('nrnivmodl failed in ' + d)
    return lib


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--case':
        sys.stdout.write(json.dumps(run_case(sys.argv[2])))
        return
    moddir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.environ.get('NETPYNE_SRC', ''), 'doc/source/code/mod')
    lib = compile_izhi(moddir)
    env = dict(os.environ, SPIKEGPU_MECHLIB=lib)
    from neuron import h
    out = {'simulator': 'NEURON ' + h.nrnversion(), 'cases': {}}
    for name in CASES:
        proc = subprocess.run([sys.executable, os.path.abspath(__file__), '--case', name], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, check=True, env=env)
        out['cases'][name] = {**CASES[name], **json.loads(proc.stdout)}
    shutil.rmtree(os.path.dirname(os.path.dirname(lib)), ignore_errors=True)
    sys.stdout.write(json.dumps(out))


if __name__ == '__main__':
    main()
