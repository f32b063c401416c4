"""NetPyNE's own models: its tutorial files (doc/source/code) and its examples/ folder.

Each entry: a spec of cases/ (`spec`), or the script NetPyNE's users run, the folder it runs in (copied to a scratch folder),
the mod folder NEURON compiles for it (None: NEURON's built-ins only), the reference duration
[ms] (the model's own when short, else shortened), DUMP_NTH (`nth`: scripts that initialise more
than once), command-line `args`, and `reference_fix`: a change to the spec for the reference
run only, where NetPyNE 1.1 itself fails on the model as written (run_ref.py lists them).
Paths are relative to the NetPyNE source tree (git 3a0a522, VERSION 1.1.0).
"""

CODE = 'doc/source/code'
CODE_MOD = CODE + '/mod'

MODELS = [
        dict(name='tut1', script=CODE + '/tut1.py', workdir='examples/HHTut/src', mods=None, duration=1000),
    dict(name='tut2', script=CODE + '/tut2.py', workdir=CODE, mods=None, duration=1000),
    dict(name='tut3', script=CODE + '/tut3.py', workdir=CODE, mods=None, duration=1000),
    dict(name='tut4', script=CODE + '/tut4.py', workdir=CODE, mods=CODE_MOD, duration=1000),
    dict(name='tut5', script=CODE + '/tut5.py', workdir=CODE, mods=None, duration=300),
    dict(name='tut6', script=CODE + '/tut6.py', workdir=CODE, mods=None, duration=1000),
    dict(name='tut7', script=CODE + '/tut7.py', workdir=CODE, mods=None, duration=1000),
    dict(name='tut8', script=CODE + '/tut8_init.py', workdir=CODE, mods=None, duration=1000),
    dict(name='tut_artif', script=CODE + '/tut_artif.py', workdir=CODE, mods=CODE_MOD, duration=1000),
    dict(name='tut_gap', script=CODE + '/tut_gap.py', workdir=CODE, mods=CODE_MOD, duration=1000),
    dict(name='tut_graded', script=CODE + '/tut_graded.py', workdir=CODE, mods=CODE_MOD, duration=1000),
    dict(name='HHTut', script='examples/HHTut/src/init.py', workdir='examples/HHTut', mods=None, duration=1000),
    # HybridTut, M1, intervalSaving and intervalSaveWeights ship their own izhi2007b.mod (C = 100,
    # u starts at 0.2*vr), which their references compile, as NetPyNE users run them
    dict(name='HybridTut', script='examples/HybridTut/src/init.py', workdir='examples/HybridTut', mods='examples/HybridTut/mod', duration=300),
    dict(name='M1', script='examples/M1/src/init.py', workdir='examples/M1', mods='examples/M1/mod', duration=300),
    dict(name='cellDiversity', script='examples/cellDiversity/src/init.py', workdir='examples/cellDiversity', mods=None, duration=1000),
    dict(name='saving', script='examples/saving/src/init.py', workdir='examples/saving', mods=None, duration=1000),
    dict(name='intervalSaving', script='examples/intervalSaving/src/init.py', workdir='examples/intervalSaving', mods='examples/intervalSaving/mod', duration=300),
    dict(name='intervalSaveWeights', script='examples/intervalSaveWeights/src/init.py', workdir='examples/intervalSaveWeights', mods='examples/intervalSaveWeights/mod', duration=300),
    # NetPyNE 1.1 crashes on its string locs ('0.5': a string function without variables gets no
    # function in fullConn, conn.py:419); its reference runs them as the numbers they are
    dict(name='netClamp', script='examples/netClamp/src/init.py', workdir='examples/netClamp', mods='examples/netClamp/mod', duration=1000,
         reference_fix='constant_string_locs'),
    # its init.py names src/simConfig.py, which the example lacks: run it with its cfg.py
    dict(name='asdOptim', script='examples/asdOptim/src/init.py', workdir='examples/asdOptim', mods=None, duration=1000,
         args=['simConfig=src/cfg.py', 'netParams=src/netParams.py']),
    dict(name='evolutionary', script='examples/evolutionary/src/init.py', workdir='examples/evolutionary', mods=None, duration=1000),
    dict(name='optunaOptim', script='examples/optunaOptim/src/init.py', workdir='examples/optunaOptim', mods=None, duration=1000),
    dict(name='sbiOptim', script='examples/sbiOptim/src/init.py', workdir='examples/sbiOptim', mods=None, duration=1000),
    dict(name='subConn_CellularPops', script='examples/subConn/subConn_CellularPops.py', workdir='examples/subConn', mods=None, duration=1000, nth=2),
    dict(name='subConn_DistanceBased', script='examples/subConn/subConn_DistanceBased.py', workdir='examples/subConn', mods=None, duration=1000, nth=2),
    dict(name='subConn_DistanceBasedCartesian', script='examples/subConn/subConn_DistanceBasedCartesian.py', workdir='examples/subConn', mods=None, duration=1000, nth=2),
    dict(name='subConn_IncomingNetStims', script='examples/subConn/subConn_IncomingNetStims.py', workdir='examples/subConn', mods=None, duration=1000, nth=2),
    # specs written for spikegpu's tests (cases/*.json), run as they are
    dict(name='shared_synapses', spec='cases/shared_synapses.json', mods=None, duration=1000),
    # models with mechanisms of their own (mod files), dumped and referenced for 100 ms
    dict(name='tut_import', script=CODE + '/tut_import.py', workdir=CODE, mods=CODE_MOD, duration=100),
    dict(name='CA3model_3pops', script='examples/CA3model_3pops/src/init.py', workdir='examples/CA3model_3pops', mods='examples/CA3model_3pops/mod', duration=100),
    dict(name='CA3model_RasterColoredbyPhase', script='examples/CA3model_RasterColoredbyPhase/src/init.py', workdir='examples/CA3model_RasterColoredbyPhase', mods='examples/CA3model_RasterColoredbyPhase/mod', duration=100),
    dict(name='LFPrecording', script='examples/LFPrecording/src/cell/init.py', workdir='examples/LFPrecording', mods='examples/LFPrecording/mod', duration=100),
    dict(name='M1detailed', script='examples/M1detailed/src/init.py', workdir='examples/M1detailed', mods='examples/M1detailed/mod', duration=100),
    dict(name='PTcell', script='examples/PTcell/src/init.py', workdir='examples/PTcell', mods='examples/PTcell/mod', duration=100),
    dict(name='batchCell', script='examples/batchCell/src/init.py', workdir='examples/batchCell', mods='examples/batchCell/mod', duration=100),
    dict(name='batchCellMapping', script='examples/batchCellMapping/src/init.py', workdir='examples/batchCellMapping', mods='examples/batchCellMapping/mod', duration=100),
    dict(name='batch_rxd_net', script='examples/batch_rxd_net/src/init.py', workdir='examples/batch_rxd_net', mods='examples/batch_rxd_net/mod', duration=100),
    dict(name='dipoleRecording', script='examples/dipoleRecording/src/init_cell.py', workdir='examples/dipoleRecording', mods='examples/dipoleRecording/mod', duration=100),
    dict(name='evolCell', script='examples/evolCell/src/init.py', workdir='examples/evolCell', mods='examples/evolCell/mod', duration=100),
    dict(name='rxd_buffering', script='examples/rxd_buffering/src/init.py', workdir='examples/rxd_buffering', mods=None, duration=100),
    dict(name='rxd_net', script='examples/rxd_net/src/init.py', workdir='examples/rxd_net', mods='examples/rxd_net/mod', duration=100),
    dict(name='sandbox', script='examples/sandbox/src/init.py', workdir='examples/sandbox', mods='examples/sandbox/mod', duration=100),
    dict(name='spreadingDepression', script='examples/spreadingDepression/src/init.py', workdir='examples/spreadingDepression', mods=None, duration=100),
]
