"""Reference traces of mechanisms without a shared fixture, from NEURON 8.2.2 itself.

    /usr/bin/python3 scripts/neuron-mech-traces.py > test/data/neuron-mechs.json
(Debian: apt-get install neuron python3-neuron.) Each case is the fixture-A HH soma
(L = diam = 18.8 um, Ra 123, hh gl 0.003 el -70, v_init -65, dt 0.025, secondorder 0) with one
point process at soma(0.5), recorded every step with Vector.record (no Dt).
"""
import json

from neuron import h

h.load_file('stdrun.hoc')

CASES = {
    'AlphaSynapse': {'params': {'onset': 20, 'tau': 2, 'gmax': 0.01, 'e': 0}, 'record': ['i'], 'tstop': 60},
    'SEClamp': {'params': {'dur1': 10, 'amp1': -65, 'dur2': 20, 'amp2': -20, 'dur3': 10, 'amp3': -70, 'rs': 1}, 'record': ['i', 'vc'], 'tstop': 60},
    'VClamp': {'params': {'dur': [10, 20, 10], 'amp': [-65, -20, -70]}, 'record': ['i', 'e', 'vo', 'vi'], 'tstop': 60},
}

out = {'simulator': 'NEURON ' + h.nrnversion(), 'dt': 0.025, 'v_init': -65, 'celsius': 6.3, 'cases': {}}
for name, case in CASES.items():
    soma = h.Section(name='soma_' + name)
    soma.L = soma.diam = 18.8
    soma.Ra = 123
    soma.insert('hh')
    soma(0.5).hh.gl = 0.003
    soma(0.5).hh.el = -70
    pp = getattr(h, name)(soma(0.5))
    for k, v in case['params'].items():
        if isinstance(v, list):  # NEURON array parameter, written element-wise as NetPyNE does
            for j, x in enumerate(v):
                getattr(pp, k)[j] = x
        else:
            setattr(pp, k, v)
    vecs = {'v': h.Vector().record(soma(0.5)._ref_v)}
    for var in case['record']:
        vecs[var] = h.Vector().record(getattr(pp, '_ref_' + var))
    h.dt = 0.025
    h.celsius = 6.3
    h.finitialize(-65)
    h.continuerun(case['tstop'])
    out['cases'][name] = {'params': case['params'], 'tstop': case['tstop'], **{k: list(v) for k, v in vecs.items()}}
    del pp, soma, vecs
print(json.dumps(out))
