"""NEURON's own hh rate TABLE, for spikegpu's table builder (src/mech/tables.ts).

Run with Debian's python3 and NEURON (apt-get install python3-neuron):
    /usr/bin/python3 scripts/neuron-hh-table.py > test/data/neuron-hh-table.json
With usetable_hh = 1, rates_hh(v) at an integer v in -100..100 mV looks up xi = v + 100 exactly
(theta = 0) and so returns the table entries as NEURON built them (hh.c _check_rates, glibc's
exp through hoc_Exp). Values are float.hex() strings (bit-exact), per output, v ascending.
"""
import json
from neuron import h

s = h.Section()
s.insert('hh')
s.push()
h.celsius = 6.3
h.usetable_hh = 1
OUTPUTS = ['minf', 'mtau', 'hinf', 'htau', 'ninf', 'ntau']
table = {name: [] for name in OUTPUTS}
for i in range(201):
    h.rates_hh(-100.0 + i)
    for name in OUTPUTS:
        table[name].append(float(getattr(h, name + '_hh')).hex())
print(json.dumps({
    'source': 'NEURON ' + h.nrnversion() + ', scripts/neuron-hh-table.py',
    'celsius': h.celsius, 'from': -100, 'to': 100, 'with': 200,
    **table,
}))
