"""Reference values of glibc's float atan2f, sinf and cosf (what NEURON's define_shape calls).

    /usr/bin/python3 scripts/glibc-float-vectors.py > test/data/glibc-libm-float.json
Calls libm.so.6 through ctypes (the glibc of the NEURON reference machine: Debian 12, 2.36).
Inputs are float32 values from a fixed seed: atan2f over coordinate differences of every sign
and size (define_shape's parent directions), sinf/cosf over define_shape's angles and wider.
JSON numbers are exact (each float32 value printed as the shortest double that is it).
"""
import ctypes
import json
import random
import struct

libm = ctypes.CDLL('libm.so.6')
libm.atan2f.restype, libm.atan2f.argtypes = ctypes.c_float, [ctypes.c_float, ctypes.c_float]
for name in ('sinf', 'cosf'):
    getattr(libm, name).restype, getattr(libm, name).argtypes = ctypes.c_float, [ctypes.c_float]


def f32(v):
    return struct.unpack('f', struct.pack('f', v))[0]


def coordinate():
    kind = random.randrange(6)
    if kind == 0:
        return 0.0
    if kind == 1:
        return 1.0
    return f32(random.choice([-1, 1]) * 10 ** random.uniform(-7, 4))


random.seed(20261201)
N = 3000
ys = [coordinate() for _ in range(N)]
xs = [coordinate() for _ in range(N)]
angles = [f32(random.uniform(-3.6, 5.2) if i % 3 else random.uniform(-110, 110)) for i in range(N)]
print(json.dumps({
    'y': ys, 'x': xs, 'atan2f': [libm.atan2f(y, x) for y, x in zip(ys, xs)],
    'angle': angles, 'sinf': [libm.sinf(a) for a in angles], 'cosf': [libm.cosf(a) for a in angles],
}))
