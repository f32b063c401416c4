"""Reference values of glibc's log, log10, exp, pow and tanh (what NEURON and numpy call on Linux).

    python3 scripts/glibc-libm-vectors.py > test/data/glibc-libm.json
The C functions are called through ctypes (no Python overflow checks), on inputs drawn from a
fixed seed over the ranges the simulator uses and the edges of each algorithm (near 1 for
log, subnormal and overflowing results for exp and pow, negative bases with integer powers,
each branch of tanh's expm1: |x| below ln2/4, below 0.75 ln2, up to 28 ln2 and beyond).
float.hex() strings. On x86-64 glibc picks its FMA variants when the CPU has FMA (recorded).
"""
import ctypes
import json
import math
import random

libm = ctypes.CDLL('libm.so.6')
for name in ('exp', 'log', 'log10', 'tanh'):
    getattr(libm, name).restype = ctypes.c_double
    getattr(libm, name).argtypes = [ctypes.c_double]
libm.pow.restype = ctypes.c_double
libm.pow.argtypes = [ctypes.c_double, ctypes.c_double]

random.seed(20261122)
N = 4000
xs = []
for i in range(N):
    kind = i % 6
    if kind == 0: xs.append(random.random())                       # stream draws in (0, 1)
    elif kind == 1: xs.append(math.exp(random.uniform(-700, 700)))  # whole range
    elif kind == 2: xs.append(random.uniform(0.5, 2))               # near 1
    elif kind == 3: xs.append(random.uniform(0.9375, 1.0647))       # log's polynomial near 1
    elif kind == 4: xs.append(random.uniform(1e-3, 1e3))
    else: xs.append(random.uniform(0, 2.2250738585072014e-308))     # subnormal
es = []
for i in range(N):
    kind = i % 5
    if kind == 0: es.append(random.uniform(-5, 5))
    elif kind == 1: es.append(random.uniform(-700, 700))
    elif kind == 2: es.append(-random.uniform(0, 1) * 0.1 / random.uniform(0.01, 100))  # -dt/tau
    elif kind == 3: es.append(random.uniform(-746, -708))          # subnormal results
    else: es.append(random.choice([-1, 1]) * 2 ** random.uniform(-60, 10))
pxs, ys = [], []
for i in range(N):
    kind = i % 5
    if kind == 0: pxs.append(xs[i]); ys.append(random.uniform(-30, 30))
    elif kind == 1: pxs.append(random.uniform(0, 10)); ys.append(random.uniform(-3, 3))
    elif kind == 2: pxs.append(-float(random.randint(1, 30))); ys.append(float(random.randint(-40, 40)))
    elif kind == 3: pxs.append(random.uniform(0.99, 1.01)); ys.append(random.choice([-1, 1]) * 2 ** random.uniform(-70, 40))
    else: pxs.append(random.uniform(1e-3, 1e3)); ys.append(random.uniform(-110, 110))
ts = []
for i in range(N):
    kind = i % 5
    if kind == 0: ts.append(random.uniform(-0.17, 0.17))
    elif kind == 1: ts.append(random.uniform(-0.52, 0.52))
    elif kind == 2: ts.append(random.uniform(-10, 10))
    elif kind == 3: ts.append(random.uniform(-25, 25))
    else: ts.append(random.choice([-1, 1]) * 2 ** random.uniform(-60, 0))
hexes = lambda values: [v.hex() for v in values]
print(json.dumps({
    'fma': 'fma' in open('/proc/cpuinfo').read().split(),
    'x': hexes(xs), 'log': hexes(libm.log(v) for v in xs), 'log10': hexes(libm.log10(v) for v in xs),
    'e': hexes(es), 'exp': hexes(libm.exp(v) for v in es),
    'px': hexes(pxs), 'y': hexes(ys), 'pow': hexes(libm.pow(x, y) for x, y in zip(pxs, ys)),
    'tx': hexes(ts), 'tanh': hexes(libm.tanh(v) for v in ts),
}))
