"""NetPyNE's saveDat files for cases/save_dat.json (tutorial 2 for 20 ms, two recorded cells):

    /usr/bin/python3 scripts/netpyne-refs/dat_ref.py NETPYNE_SRC

runs the spec with NetPyNE 1.1's sim.saveData() in a scratch folder and copies the spec and the
.dat files it writes into test/data/netpyne/save_dat/ (see make_refs.py for the set-up).
"""
import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
ORACLE = os.path.abspath(os.path.join(ROOT, '..', 'shared', 'netpyne-oracle'))
OUT = os.path.join(ROOT, 'test', 'data', 'netpyne', 'save_dat')
RUN = '''
import collections, json
from netpyne import sim, specs
d = json.load(open('spec.json'), object_pairs_hook=collections.OrderedDict)
sim.createSimulate(netParams=specs.NetParams(d['netParams']), simConfig=specs.SimConfig(d['simConfig']))
sim.saveData()
'''

work = tempfile.mkdtemp()
shutil.copy(os.path.join(HERE, 'cases', 'save_dat.json'), os.path.join(work, 'spec.json'))
env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.abspath(sys.argv[1]), os.path.join(ORACLE, 'stubs')]), MPLBACKEND='Agg')
subprocess.run(['/usr/bin/python3', '-c', RUN], cwd=work, env=env, check=True, capture_output=True)
os.makedirs(OUT, exist_ok=True)
shutil.copy(os.path.join(work, 'spec.json'), OUT)
for path in sorted(glob.glob(os.path.join(work, '*.dat'))):
    shutil.copy(path, OUT)
    print(os.path.basename(path))
