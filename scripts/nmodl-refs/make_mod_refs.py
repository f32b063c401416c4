"""Differential references for single NMODL mechanisms, run in NetPyNE 1.1 + NEURON 8.2.2.

    /usr/bin/python3 scripts/nmodl-refs/make_mod_refs.py [--root DIR] [-j N] LIST_OR_MOD...

Each argument is a .mod file or a text file listing .mod paths (one a line, relative to --root,
default $NETPYNE_SRC or /work/np/netpyne-src). Not run by CI; tests read what it writes to
test/data/nmodl/:
  <name>.spec.json  {netParams, simConfig}: a one-cell protocol for the mechanism at its defaults
  <name>.ref.json   its NetPyNE + NEURON run (see run_mod_ref.py): file, mechanism, kind, states,
                    t, spkt, spkid, traces {traceName: {cell_<gid>: [values]}}, ...
  index.json        [{file, name, mechanism, kind, status, reason}, ...] sorted by file, merged with
                    earlier runs; ok rows add drive, traces (count), spikes (of the cell), flat
<name> is the mechanism name, or <name>__<folder> when several files (listed now or already in
index.json) define that name.
Each file is compiled alone in SPIKEGPU_NMODL_SCRATCH/<name> (default /tmp/nmodl-refs) with the
oracle's nrnivmodl-debian; files that do not compile, load or run, or use POINTER/BBCOREPOINTER,
are listed in index.json with the reason and get no spec/ref.

Protocols (dt 0.025 ms, 50 ms, recordStep 0.1 ms, all deterministic):
  density      soma (L = diam = 18.8 um, Ra 123, cm 1) with the mechanism + pas (g 5e-5, e -65);
               IClamp 0.1 nA at 5-25 ms and -0.1 nA at 30-40 ms (0.01 nA if that is unstable)
  point + NET_RECEIVE   hh soma, the mechanism as synMech driven by a NetStim pop (interval 20,
               number 5, start 5) with weight 0.01 (0.001 if unstable), delay 1
  point        pas soma with the mechanism as a section point process (cellParams pointps: NetPyNE's
               stimSourceParams only creates IClamp/VClamp/SEClamp/AlphaSynapse/NetStim/XStim)
  artificial   the mechanism as a pop's cellModel, driven by a NetStim pop (interval 10, number 10,
               start 5), weight 0.5 (5, then 50, when it does not fire)
Recorded (at most 20 traces): soma v, the mechanism's STATEs, RANGE variables that are not
PARAMETERs, its currents, and for each ion it uses the concentrations, reversal potential and
currents (segment values); run_mod_ref.py drops those NEURON cannot point to. Unstable = NaN/inf
in a trace or |v| > 200 mV, with the smallest drive too.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
ORACLE = os.path.abspath(os.path.join(ROOT, '..', 'shared', 'netpyne-oracle'))
OUT = os.path.join(ROOT, 'test', 'data', 'nmodl')
SCRATCH = os.environ.get('SPIKEGPU_NMODL_SCRATCH', '/tmp/nmodl-refs')
PYTHON = '/usr/bin/python3'
MAX_TRACES = 20  # 501 samples each: keeps a ref near 200 kB
NOT_RECORDED = {'v', 't', 'dt', 'celsius', 'diam', 'area'}

sys.path.insert(0, HERE)
from modinfo import parse  # noqa: E402


def mod_files(args, root):
    """The .mod paths named by the arguments (list files expanded), absolute, first mention kept."""
    files = []
    for a in args:
        if a.endswith('.mod'):
            files.append(os.path.abspath(a))
        else:
            files += [os.path.normpath(os.path.join(root, line.strip())) for line in open(a) if line.strip()]
    return list(dict.fromkeys(files))


def folder_label(path):
    """The nearest folder name that is not 'mod'/'mods': examples/M1detailed/mod/x.mod -> M1detailed."""
    parts = os.path.dirname(path).split(os.sep)
    return next(p for p in reversed(parts) if p not in ('mod', 'mods'))


def traces_for(info, target):
    """recordTraces for the mechanism: v, STATEs, RANGE vars that are not PARAMETERs, currents, ion variables."""
    name, kind = info['name'], info['kind']
    ion_vars = []
    for ion in info['useion']:
        i = ion['ion']
        ion_vars += [i + 'i', i + 'o', 'e' + i, 'i' + i] + ion['read'] + ion['write']
    ion_vars = list(dict.fromkeys(ion_vars))
    own = info['states'] + [v for v in info['range'] if v not in info['parameter'] and v not in ion_vars]
    own += info['nonspecific'] + info['electrode']
    own = [v for v in dict.fromkeys(own) if v not in NOT_RECORDED]
    rec = collections.OrderedDict()
    if kind != 'artificial':
        rec['v_soma'] = {'sec': 'soma', 'loc': 0.5, 'var': 'v'}
    for var in own:
        rec[name + '_' + var] = dict(target, var=var)
    if kind != 'artificial':
        for var in ion_vars:
            rec['ion_' + var] = {'sec': 'soma', 'loc': 0.5, 'var': var}
    return collections.OrderedDict(list(rec.items())[:MAX_TRACES])


def protocol(info, drive):
    """A NetPyNE {netParams, simConfig} for the mechanism; `drive` is the stim amp or conn weight."""
    name, kind = info['name'], info['kind']
    geom = {'L': 18.8, 'diam': 18.8, 'Ra': 123, 'cm': 1}
    net = {'cellParams': {}, 'popParams': collections.OrderedDict(), 'synMechParams': {}, 'connParams': {},
           'stimSourceParams': {}, 'stimTargetParams': {}}
    netstim = {'cellModel': 'NetStim', 'numCells': 1, 'start': 5, 'noise': 0}
    if kind == 'density':
        net['cellParams']['cell'] = {'secs': {'soma': {'geom': geom, 'mechs': {name: {}, 'pas': {'g': 5e-5, 'e': -65}}}}}
        net['popParams']['cell'] = {'cellType': 'cell', 'numCells': 1}
        for label, (delay, dur, amp) in {'ic1': (5, 20, drive), 'ic2': (30, 10, -drive)}.items():
            net['stimSourceParams'][label] = {'type': 'IClamp', 'del': delay, 'dur': dur, 'amp': amp}
            net['stimTargetParams'][label + '->cell'] = {'source': label, 'conds': {'pop': 'cell'}, 'sec': 'soma', 'loc': 0.5}
        target = {'sec': 'soma', 'loc': 0.5, 'mech': name}
    elif kind == 'point' and info['netReceive']:
        net['cellParams']['cell'] = {'secs': {'soma': {'geom': geom, 'mechs': {'hh': {}}}}}
        net['popParams']['cell'] = {'cellType': 'cell', 'numCells': 1}
        net['popParams']['stim'] = dict(netstim, interval=20, number=5)
        net['synMechParams'][name] = {'mod': name}
        net['connParams']['stim->cell'] = {'preConds': {'pop': 'stim'}, 'postConds': {'pop': 'cell'}, 'weight': drive,
                                           'delay': 1, 'synMech': name, 'sec': 'soma', 'loc': 0.5}
        target = {'sec': 'soma', 'loc': 0.5, 'synMech': name}
    elif kind == 'point':
        soma = {'geom': geom, 'mechs': {'pas': {'g': 5e-5, 'e': -65}}, 'pointps': {name: {'mod': name, 'loc': 0.5}}}
        net['cellParams']['cell'] = {'secs': {'soma': soma}}
        net['popParams']['cell'] = {'cellType': 'cell', 'numCells': 1}
        target = {'sec': 'soma', 'loc': 0.5, 'pointp': name}
    else:
        net['popParams']['cell'] = {'cellModel': name, 'numCells': 1}
        net['popParams']['stim'] = dict(netstim, interval=10, number=10)
        net['connParams']['stim->cell'] = {'preConds': {'pop': 'stim'}, 'postConds': {'pop': 'cell'}, 'weight': drive, 'delay': 1}
        target = {}
    cfg = {'duration': 50, 'tstop': 50, 'dt': 0.025, 'recordStep': 0.1, 'recordCells': ['cell'],
           'recordTraces': traces_for(info, target), 'analysis': {}}
    return {'netParams': net, 'simConfig': cfg}


def drives(info):
    if info['kind'] == 'density':
        return 'amp', [0.1, 0.01]
    if info['kind'] == 'artificial':
        return 'weight', [0.5, 5, 50]
    if info['netReceive']:
        return 'weight', [0.01, 0.001]
    return None, [None]


def compile_mod(path, info, work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for f in [path] + info['includes']:
        shutil.copy(f, work)
    run = subprocess.run(['bash', os.path.join(ORACLE, 'nrnivmodl-debian')], cwd=work, capture_output=True, text=True)
    if not os.path.exists(os.path.join(work, 'x86_64', 'libnrnmech.so')):
        lines = [line for line in (run.stdout + run.stderr).splitlines() if 'rror' in line or 'nocmodl' in line]
        raise Failed('neuron-compile-failed', (lines or ['rc %d' % run.returncode])[-1].strip())


class Failed(Exception):
    def __init__(self, status, reason):
        super().__init__(reason)
        self.status, self.reason = status, reason


def environment(src):
    env = dict(os.environ, MPLBACKEND='Agg')
    env['PYTHONPATH'] = os.pathsep.join([src, os.path.join(ORACLE, 'stubs')])
    return env


def make_ref(path, name, root):
    """Compiles, runs the protocol (smaller drive when unstable), writes spec + ref; returns an index row."""
    rel = os.path.relpath(path, root)
    row = {'file': rel, 'name': name, 'mechanism': None, 'kind': None, 'status': 'ok', 'reason': ''}
    try:
        info = parse(path)
        row.update(mechanism=info['name'], kind=info['kind'])
        if info['kind'] is None:
            raise Failed('no-mechanism', 'no SUFFIX/POINT_PROCESS/ARTIFICIAL_CELL in a NEURON block')
        if info['name'] == 'nothing':
            raise Failed('no-mechanism', 'SUFFIX nothing (functions only)')
        if info['pointer']:
            raise Failed('pointer', 'POINTER/BBCOREPOINTER ' + ', '.join(info['pointer']))
        work = os.path.join(SCRATCH, name)
        compile_mod(path, info, work)
        key, values = drives(info)
        first = None
        for n, drive in enumerate(values):
            meta = {'file': rel, 'name': name, 'mechanism': info['name'], 'kind': info['kind'],
                    'netReceive': info['netReceive'], 'states': info['states'], 'parameter': info['parameter'],
                    'range': info['range'], 'global': info['global'], 'useion': info['useion'], 'drive': {key: drive} if key else {}}
            proto = dict(protocol(info, drive), mech={'name': info['name'], 'kind': info['kind']}, meta=meta)
            json.dump(proto, open(os.path.join(work, 'protocol.json'), 'w'), indent=1)
            spec, ref = os.path.join(work, 'spec.json'), os.path.join(work, 'ref.json')
            run = subprocess.run([PYTHON, os.path.join(HERE, 'run_mod_ref.py'), 'protocol.json', spec, ref], cwd=work,
                                 env=environment(root), capture_output=True, text=True, timeout=600)
            last = (run.stdout.strip().splitlines() or [''])[-1]
            if run.returncode == 2:
                raise Failed('neuron-load-failed', json.loads(last)['error'])
            if run.returncode != 0:
                raise Failed('run-failed', (run.stderr.strip().splitlines() or ['rc %d' % run.returncode])[-1])
            result = json.loads(last)
            if not result['stable']:
                bad = ('NaN/inf in ' + ', '.join(result['nonfinite'])) if result['nonfinite'] else '|v| = %g mV' % result['vmax']
                row.update(status='unstable', reason='%s with %s %s' % (bad, key, drive))
                continue
            row.update(status='ok', reason='')
            if info['kind'] == 'artificial' and result['cellSpikes'] == 0:
                if first is None:  # an artificial cell that fires with no drive tried keeps the first one
                    first = (meta, result)
                    for f in (spec, ref):
                        shutil.copy(f, f + '.first')
                if n + 1 < len(values):
                    continue
                meta, result = first
                for f in (spec, ref):
                    shutil.copy(f + '.first', f)
                row['reason'] = 'does not fire'
            break
        if row['status'] == 'ok':
            shutil.copy(spec, os.path.join(OUT, name + '.spec.json'))
            shutil.copy(ref, os.path.join(OUT, name + '.ref.json'))
            row.update(drive=meta['drive'], traces=result['traces'], spikes=result['cellSpikes'], flat=result['flat'])
    except Failed as e:
        row.update(status=e.status, reason=e.reason)
    except subprocess.TimeoutExpired:
        row.update(status='run-failed', reason='timeout')
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--root', default=os.environ.get('NETPYNE_SRC', '/work/np/netpyne-src'))
    ap.add_argument('-j', type=int, default=2)
    ap.add_argument('inputs', nargs='+')
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    files = mod_files(args.inputs, root)
    os.makedirs(OUT, exist_ok=True)
    index_path = os.path.join(OUT, 'index.json')
    index = {r['file']: r for r in json.load(open(index_path))} if os.path.exists(index_path) else {}
    # names collide over these files and the ones already indexed, so a partial rerun keeps them
    known = list(dict.fromkeys(files + [os.path.join(root, f) for f in index if os.path.exists(os.path.join(root, f))]))
    mech = {f: (parse(f)['name'] or os.path.basename(f)[:-4]) for f in known}
    count = collections.Counter(mech.values())
    names = {f: m if count[m] == 1 else m + '__' + folder_label(os.path.relpath(f, root)) for f, m in mech.items()}
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for row in pool.map(lambda f: make_ref(f, names[f], root), files):
            old = index.get(row['file'])
            stale = {old['name']} if old and old['name'] != row['name'] else set()
            if row['status'] != 'ok':
                stale.add(row['name'])
            for base in stale:  # outputs of an earlier run of this file under another name, or now failing
                for ext in ('.spec.json', '.ref.json'):
                    if os.path.exists(os.path.join(OUT, base + ext)):
                        os.remove(os.path.join(OUT, base + ext))
            index[row['file']] = row
            print(row['status'], row['name'], row['file'], row['reason'], flush=True)
    rows = sorted(index.values(), key=lambda r: r['file'])
    json.dump(rows, open(index_path, 'w'), indent=1)
    print(json.dumps(collections.Counter(r['status'] for r in rows)))


if __name__ == '__main__':
    main()
