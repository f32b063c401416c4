"""NetPyNE reference harness: dump NetPyNE's own models to spec JSON and record their spikes.

    /usr/bin/python3 scripts/netpyne-refs/make_refs.py NETPYNE_SRC [name ...]

NETPYNE_SRC is a NetPyNE 1.1.0 source tree (git 3a0a522; bring it with the search tool's
`fetch github:suny-downstate-medical-center/netpyne` and check out that commit). Needs Debian's
python3 with neuron, numpy, scipy, matplotlib, pandas, future, tables, yaml, schema, tqdm (see
../shared/netpyne-oracle/README.md). Not run by CI; tests read what it writes:

  test/data/netpyne/<name>.spec.json   {netParams, simConfig} exactly as NetPyNE holds them
  test/data/netpyne/<name>.ref.json    NetPyNE 1.1 + NEURON 8.2.2 run of that spec for `duration`
                                       (analysis and saving off): spkt, spkid, sizes, timings,
                                       and the spec's own recorded traces (when small)

Each model runs in a scratch copy of its folder (SPIKEGPU_REF_SCRATCH, default /tmp/netpyne-refs)
with its mod folder compiled there by the oracle's nrnivmodl-debian. A model NetPyNE itself
cannot dump or run is reported and skipped.
"""
import collections
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
ORACLE = os.path.abspath(os.path.join(ROOT, '..', 'shared', 'netpyne-oracle'))
OUT = os.path.join(ROOT, 'test', 'data', 'netpyne')
SCRATCH = os.environ.get('SPIKEGPU_REF_SCRATCH', '/tmp/netpyne-refs')
PYTHON = '/usr/bin/python3'

sys.path.insert(0, HERE)
from models import MODELS  # noqa: E402


def environment(src):
    env = dict(os.environ)
    env['PYTHONPATH'] = os.pathsep.join([src, os.path.join(ORACLE, 'stubs')])
    env['MPLBACKEND'] = 'Agg'
    return env


def prepare(model, src):
    """A scratch copy of the model's folder with its mods compiled; returns (workdir, script)."""
    work = os.path.join(SCRATCH, model['name'])
    shutil.rmtree(work, ignore_errors=True)
    if 'spec' in model:
        os.makedirs(work)
        script = None
    else:
        shutil.copytree(os.path.join(src, model['workdir']), work)
        script = os.path.join(src, model['script'])
        inside = os.path.relpath(script, os.path.join(src, model['workdir']))
        if not inside.startswith('..'):
            script = os.path.join(work, inside)
    if model.get('mods'):
        mods = os.path.join(work, '_mods')
        shutil.copytree(os.path.join(src, model['mods']), mods)
        # nocmodl looks for INCLUDEd files in the folder it runs in (doc/source/code has netcon.inc)
        parent = os.path.dirname(os.path.join(src, model['mods']))
        for name in os.listdir(parent):
            if name.endswith('.inc') and not os.path.exists(os.path.join(work, name)):
                shutil.copy(os.path.join(parent, name), work)
        shutil.rmtree(os.path.join(work, 'x86_64'), ignore_errors=True)
        subprocess.run(['bash', os.path.join(ORACLE, 'nrnivmodl-debian'), '_mods'], cwd=work, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return work, script


def dump(model, src, work, script):
    spec_path = os.path.join(OUT, model['name'] + '.spec.json')
    if 'spec' in model:
        shutil.copy(os.path.join(HERE, model['spec']), spec_path)
        return spec_path
    env = environment(src)
    env['DUMP_NTH'] = str(model.get('nth', 1))
    run = subprocess.run([PYTHON, os.path.join(ORACLE, 'dump_spec.py'), spec_path, work, script, *model.get('args', [])],
                         cwd=work, env=env, capture_output=True, text=True, timeout=1800)
    if run.returncode != 0:
        raise RuntimeError('dump failed: ' + (run.stderr.strip().splitlines() or ['?'])[-1])
    compact(spec_path)
    return spec_path


def compact(path):
    """Rewrites a JSON file without indentation, key order kept."""
    with open(path) as f:
        data = json.load(f, object_pairs_hook=collections.OrderedDict)
    with open(path, 'w') as f:
        json.dump(data, f, separators=(',', ':'))


def reference(model, src, work, spec_path):
    ref_path = os.path.join(OUT, model['name'] + '.ref.json')
    run = subprocess.run([PYTHON, os.path.join(HERE, 'run_ref.py'), spec_path, ref_path, str(model['duration']), model.get('reference_fix', '')],
                         cwd=work, env=environment(src), capture_output=True, text=True, timeout=7200)
    if run.returncode != 0:
        raise RuntimeError('reference run failed: ' + (run.stderr.strip().splitlines() or ['?'])[-1])
    return run.stdout.strip().splitlines()[-1]


def main():
    src = os.path.abspath(sys.argv[1])
    wanted = set(sys.argv[2:])
    os.makedirs(OUT, exist_ok=True)
    for model in MODELS:
        if wanted and model['name'] not in wanted:
            continue
        try:
            work, script = prepare(model, src)
            spec_path = dump(model, src, work, script)
            print(model['name'], reference(model, src, work, spec_path), flush=True)
        except (RuntimeError, subprocess.SubprocessError) as e:
            print(model['name'], 'SKIPPED:', e, flush=True)


if __name__ == '__main__':
    main()
