"""Known-answer vectors for spikegpu's NEURON random-number emulation.

Run with Debian's python3 and NEURON (apt-get install python3-neuron):
    /usr/bin/python3 scripts/neuron-random-vectors.py > test/data/neuron-random.json
Each distribution case is r = h.Random(); r.Random123(1, 2, 3); first = r.<dist>(*args);
then v = h.Vector(N - 1); v.setrand(r). Values are float.hex() strings (bit-exact).
"""
import json
from neuron import h

h.load_file('stdrun.hoc')

N = 301
CASES = {
    'uniform': [0, 1], 'uniform_swapped': [5, -3], 'discunif': [-3, 7],
    'normal': [1.5, 4.0], 'lognormal': [2.0, 3.0], 'negexp': [2.5],
    'erlang': [3.0, 1.2], 'geometric': [0.7], 'hypergeo': [2.0, 9.0],
    'poisson': [4.2], 'poisson_30': [30.0], 'binomial': [20, 0.3], 'weibull': [1.5, 2.0],
}


def draws(name, args):
    r = h.Random()
    r.Random123(1, 2, 3)
    method = name.split('_')[0]
    first = getattr(r, method)(*args)
    v = h.Vector(N - 1)
    v.setrand(r)
    return [first] + list(v)


def netstim_train(interval, number, start, noise, ids, tstop):
    """A NetStim fed by noiseFromRandom(r) after r.negexp(1), as NetPyNE sets it up."""
    ns = h.NetStim()
    ns.interval, ns.number, ns.start, ns.noise = interval, number, start, noise
    r = h.Random()
    r.Random123(*ids)
    r.negexp(1)
    ns.noiseFromRandom(r)
    times = h.Vector()
    nc = h.NetCon(ns, None)
    nc.record(times)
    h.finitialize(-65)
    h.continuerun(tstop)
    return list(times)


out = {
    'about': 'NEURON %s; see scripts/neuron-random-vectors.py' % h.nrnversion(),
    'args': CASES,
    'cases': {name: [x.hex() for x in draws(name, args)] for name, args in CASES.items()},
    'netstim': [
        {'interval': 10, 'number': 8, 'start': 5, 'noise': 0.7, 'ids': [1, 2, 3], 'tstop': 200,
         'times': [x.hex() for x in netstim_train(10, 8, 5, 0.7, [1, 2, 3], 200)]},
        {'interval': 25, 'number': 1e9, 'start': 0, 'noise': 1.0, 'ids': [1428063344, 17, 1], 'tstop': 1000,
         'times': [x.hex() for x in netstim_train(25, 1e9, 0, 1.0, [1428063344, 17, 1], 1000)]},
        {'interval': 7.3, 'number': 5, 'start': 2.2, 'noise': 0.0, 'ids': [1428063344, 3, 1], 'tstop': 100,
         'times': [x.hex() for x in netstim_train(7.3, 5, 2.2, 0.0, [1428063344, 3, 1], 100)]},
    ],
}
print(json.dumps(out, indent=1))
