"""Reference values of glibc's log, log10, exp and pow (what NEURON and numpy call on Linux).

    python3 scripts/glibc-libm-vectors.py > test/data/glibc-libm.json
Inputs are drawn from a fixed seed over the ranges the simulator uses. float.hex() strings.
"""
import json, math, random

random.seed(20261122)
N = 3000
xs = []
for i in range(N):
    kind = i % 4
    if kind == 0: xs.append(random.random())                       # stream draws in (0, 1)
    elif kind == 1: xs.append(math.exp(random.uniform(-700, 700)))  # whole range
    elif kind == 2: xs.append(random.uniform(0.5, 2))               # near 1
    else: xs.append(random.uniform(1e-3, 1e3))
es = [random.uniform(-700, 700) if i % 2 else random.uniform(-5, 5) for i in range(N)]
ys = [random.uniform(-30, 30) for _ in range(N)]
pw = []
for x, y in zip(xs, ys):
    try:
        pw.append(math.pow(x, y).hex())
    except OverflowError:
        pw.append('inf')
print(json.dumps({
    'x': [v.hex() for v in xs], 'log': [math.log(v).hex() for v in xs], 'log10': [math.log10(v).hex() for v in xs],
    'e': [v.hex() for v in es], 'exp': [math.exp(v).hex() for v in es],
    'y': [v.hex() for v in ys], 'pow': pw,
}))
