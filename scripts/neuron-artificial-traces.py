"""NEURON 8.2.2 reference data for VClamp, IntFire1/2/4 and NetPyNE's Izhikevich mods.

Run (Debian: apt-get install neuron neuron-dev python3-neuron):
    /usr/bin/python3 scripts/neuron-artificial-traces.py > test/data/neuron-artificial.json

VClamp, IntFire1, IntFire2, IntFire4 and NetStim are NEURON built-ins (src/nrnoc/*.mod).
Izhi2003a, Izhi2003b and Izhi2007a are NetPyNE's mod files; their verbatim text is embedded
below (MODS) and is compiled with nrnivmodl into a temporary folder (Debian's nrnivmodl looks
for /usr/bin/nrnmech_makefile, which the package installs as /usr/lib/nrn/nrnmech_makefile; the
script patches a private copy of nrnivmodl when the plain one fails).

Every case is run in a fresh interpreter (the script re-invokes itself with --case NAME) and is
built the way NetPyNE 1.x builds the "netParams"/"simConfig" stored with it: same object
creation order, ParallelContext gids (set_gid2node, NetCon(source, None) with threshold
netParams.defaultThreshold = 10 mV, pc.cell(gid, nc, 1)), pc.gid_connect for cell->cell
connections, NetStim stims as h.NetStim + h.NetCon(netstim, target) with
interval = (1000/interval)**-1*1e3 (NetPyNE's rate round trip), NetStim noise streams set up as in
sim.preRun() (Random123(hashStr('NetStim'), gid, seed); negexp(1); noiseFromRandom).
Settings: dt 0.025, celsius 6.3, secondorder 0, h.finitialize(-65), h.continuerun(tstop)
(checked: identical to NetPyNE's pc.set_maxstep(10); pc.psolve(tstop) for these cases).
Traces: Vector.record(ptr) with no Dt, i.e. one sample at the end of every fixed step
(t[0] = state after finitialize). NetPyNE itself records with Vector.record(ptr, recordStep):
for integrated states the samples are identical, but for event-driven variables of
artificial cells the Dt-recording also sees events with time in (t_k - dt/2, t_k]; those
samples are listed per trace in "recordStepDiffs" as [index, value] pairs.
Spikes: pc.spike_record(-1, spkt, spkid) (NEURON's recording order).
All floats are written with repr() (shortest round-trip), i.e. bit-exact.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

MODS = {
    'izhi2003a.mod': r''': Izhikevich artificial neuron model from 
: EM Izhikevich "Simple Model of Spiking Neurons"
: IEEE Transactions On Neural Networks, Vol. 14, No. 6, November 2003 pp 1569-1572
: V is the voltage analog, u controls 
: see COMMENT below or izh.hoc for typical parameter values
: uncomment lines with dvv,du to graph derivatives

NEURON {
  POINT_PROCESS Izhi2003a
  RANGE a,b,c,d,f,g,Iin,fflag,thresh,erev,taug
}

INITIAL {
  V=-65
  u=0.2*V
  gsyn=0
  net_send(0,1)
}

PARAMETER {
  a = 0.02
  b = 0.2
  c = -65
  d = 2
  f = 5
  g = 140
  Iin = 10
  taug = 1
  thresh=30
  erev = 0
  fflag = 1
}

STATE { u V gsyn } : use V for voltage so don't interfere with built-in v of cell

ASSIGNED {
}

BREAKPOINT {
  SOLVE states METHOD derivimplicit
}

DERIVATIVE states {
  V' = 0.04*V*V + f*V + g - u + Iin - gsyn*(V-erev)
  u' = a*(b*V-u) 
  gsyn' = -gsyn/taug
}

NET_RECEIVE (w) {
  if (flag == 1) {
    WATCH (V>thresh) 2
  } else if (flag == 2) {
    net_event(t)
    V = c
    u = u+d
  } else { : synaptic activation
    gsyn = gsyn+w
  }
}

:** vers gives version
PROCEDURE version () {

}

COMMENT
        a        b       c      d       Iin
================================================================================
      0.02      0.2     -65     6      14       % tonic spiking
      0.02      0.25    -65     6       0.5     % phasic spiking
      0.02      0.2     -50     2      15       % tonic bursting
      0.02      0.25    -55     0.05    0.6     % phasic bursting
      0.02      0.2     -55     4      10       % mixed mode
      0.01      0.2     -65     8      30       % spike frequency adaptation
      0.02     -0.1     -55     6       0       % Class 1
      0.2       0.26    -65     0       0       % Class 2
      0.02      0.2     -65     6       7       % spike latency
      0.05      0.26    -60     0       0       % subthreshold oscillations
      0.1       0.26    -60    -1       0       % resonator
      0.02     -0.1     -55     6       0       % integrator
      0.03      0.25    -60     4       0       % rebound spike
      0.03      0.25    -52     0       0       % rebound burst
      0.03      0.25    -60     4       0       % threshold variability
      1         1.5     -60     0     -65       % bistability
      1         0.2     -60   -21       0       % DAP
      0.02      1       -55     4       0       % accomodation
     -0.02     -1       -60     8      80       % inhibition-induced spiking
     -0.026    -1       -45     0      80       % inhibition-induced bursting    
ENDCOMMENT
''',
    'izhi2003b.mod': r'''NEURON {
    POINT_PROCESS Izhi2003b
    RANGE a,b,c,d,f,g,Iin,fflag,thresh,cellid
    NONSPECIFIC_CURRENT i
}

UNITS {
    (mV) = (millivolt)
    (nA) = (nanoamp)
    (nF) = (nanofarad)
}

INITIAL {
  v=-65
  u=0.2*v
  net_send(0,1)  
}

PARAMETER {
    a       = 0.02 (/ms)
    b       = 0.2  (/ms)
    c       = -65  (mV)   : reset potential after a spike
    d       = 2    (mV/ms)
    f = 5
    g = 140
    Iin = 10
    thresh = 30   (mV)   : spike threshold
    fflag = 1
    cellid = -1 : A parameter for storing the cell ID, if required (useful for diagnostic information)
}

ASSIGNED {
    v (mV)
    i (nA)
}

STATE {
    u (mV/ms)
}

BREAKPOINT {
    SOLVE states METHOD derivimplicit  : cnexp # either method works
    i = -0.001*(0.04*v*v + f*v + g - u + Iin)
}

DERIVATIVE states {
    u' = a*(b*v - u)
}

NET_RECEIVE (w) {
    if (flag == 1) {
        WATCH (v > thresh) 2
    } else if (flag == 2) {
        net_event(t)
        v = c
        u = u + d
    }
}
''',
    'izhi2007a.mod': r'''COMMENT
A "simple" implementation of the Izhikevich neuron with AMPA, NMDA,
GABA_A, and GABA_B receptor dynamics. Equations and parameter values are taken from
  Izhikevich EM (2007).
  "Dynamical systems in neuroscience"
  MIT Press

Equation for synaptic inputs taken from
  Izhikevich EM, Edelman GM (2008).
  "Large-scale model of mammalian thalamocortical systems." 
  PNAS 105(9) 3593-3598.

Example usage (in Python):
  from neuron import h
  dummycell = h.Section() # Since Izhi is a point process, it needs to be in a section
  izhl = [h.Izhi2007(0.5) for i in range(2)] # Create two new Izhikevich cells
  connection = h.NetCon(izhl[0], izhl[1]) # Connect them
  izhl[0].Iin = 70  # activate 1 cell

Cell types available are based on Izhikevich, 2007 book:
    1. RS - Layer 5 regular spiking pyramidal cell (fig 8.12 from 2007 book)
    2. IB - Layer 5 intrinsically bursting cell (fig 8.19 from 2007 book)
    3. CH - Cat primary visual cortex chattering cell (fig8.23 from 2007 book)
    4. LTS - Rat barrel cortex Low-threshold  spiking interneuron (fig 8.25 from 2007 book)
    5. FS - Rat visual cortex layer 5 fast-spiking interneuron (fig 8.27 from 2007 book)
    6. TC - Cat dorsal LGN thalamocortical (TC) cell (fig 8.31 from 2007 book)
    7. RTN - Rat reticular thalamic nucleus (RTN) cell  (fig 8.32 from 2007 book)
ENDCOMMENT

: Declare name of object and variables
NEURON {
  POINT_PROCESS Izhi2007a
  RANGE C, k, vr, vt, vpeak, a, b, c, d, Iin, tauAMPA, tauNMDA, tauGABAA, tauGABAB, tauOpsin, celltype, alive, cellid, verbose
  RANGE V, u, gAMPA, gNMDA, gGABAA, gGABAB, gOpsin, I
  RANGE factor, eventflag, delta, t0
}

: Specify units that have physiological interpretations (NB: ms is already declared)
UNITS {
  (mV) = (millivolt)
  (uM) = (micrometer)
}

: Parameters from Izhikevich 2007, MIT Press for regular spiking pyramidal cell
PARAMETER {
  C = 100 : Capacitance
  k = 0.7
  vr = -60 (mV) : Resting membrane potential
  vt = -40 (mV) : Membrane threhsold
  vpeak = 35 (mV) : Peak voltage
  a = 0.03
  b = -2
  c = -50
  d = 100
  Iin = 0
  Vpre = 0
  tauAMPA = 5 (ms) : Receptor time constant, AMPA
  tauNMDA = 150 (ms) : Receptor time constant, NMDA
  tauGABAA = 6 (ms) : Receptor time constant, GABAA
  tauGABAB = 150 (ms) : Receptor time constant, GABAB
  tauOpsin = 50 (ms) : Receptor time constant, opsin, from Mattis et al. (2011)
  celltype = 1 : A flag for indicating what kind of cell it is,  used for changing the dynamics slightly (see list of cell types in initial comment).
  alive = 1 : A flag for deciding whether or not the cell is alive -- if it's dead, acts normally except it doesn't fire spikes
  cellid = -1 : A parameter for storing the cell ID, if required (useful for diagnostic information)
  verbose = 0 : Whether or not to print diagnostic information to file -- WARNING, do not modify this manually -- it's set by useverbose()
}

: Variables used for internal calculations
ASSIGNED {
  factor : Voltage factor used for calculating the current
  eventflag : For diagnostic information
  V (mV) : Membrane voltage
  u (mV) : Slow current/recovery variable
  gAMPA : AMPA conductance
  gNMDA : NMDA conductance
  gGABAA : GABAA conductance
  gGABAB : GABAB conductance
  gOpsin : Opsin conductance
  I : Total current
  delta : Time step
  t0 : Previous time  
}

: Initial conditions
INITIAL {
  V = vr
  u = 0.2*vr
  t0 = t
  gAMPA = 0
  gNMDA = 0
  gGABAA = 0
  gGABAB = 0
  gOpsin = 0
  I = 0
  delta = 0
  net_send(0,1) : Required for the WATCH statement to be active
}


: Function for printing diagnostic information to a file -- usage example: cell.useverbose(2,"logfile.txt")
VERBATIM
char filename[1000]; // Allocate some memory for the filename
ENDVERBATIM
PROCEDURE useverbose() { : Create user-accessible function
  VERBATIM
  #include<stdio.h> // Basic input-output
  verbose = (float) *getarg(1); // Set verbosity -- 0 = none, 1 = events, 2 = events + timesteps
  strcpy(filename, gargstr(2)); // Copy input filename into memory
  ENDVERBATIM
}

: Define neuron dynamics
BREAKPOINT {
  delta = t-t0 : Find time difference

  : Receptor dynamics -- the correct form is gAMPA = gAMPA*exp(-delta/tauAMPA), but this is 30% slower and, in the end, not really any more physiologically realistic
  gAMPA = gAMPA - delta*gAMPA/tauAMPA : "Exponential" decays -- fast excitatory (AMPA)
  gNMDA = gNMDA - delta*gNMDA/tauNMDA : Slow excitatory (NMDA)
  gGABAA = gGABAA - delta*gGABAA/tauGABAA : Fast inhibitory (GABA_A)
  gGABAB = gGABAB - delta*gGABAB/tauGABAB : Slow inhibitory (GABA_B)
  gOpsin = gOpsin - delta*gOpsin/tauOpsin : Optogenetic (opsin)
  
  : Calculate current
  factor = ((V+80)/60)*((V+80)/60)
  I = gAMPA*(V-0) + gNMDA*factor/(1+factor)*(V-0) + gGABAA*(V+70) + gGABAB*(V+90) + gOpsin*(V-0) : Treat the opsin channel like an AMPA channel
  
  : Calculate neuronal dynamics; -I since I = -I_{syn}, which is really what I is as I've defined it above
  Vpre = V
  V = V + delta*(k*(V-vr)*(V-vt) - u - I + Iin)/C  : Calculate voltage

  if (Vpre<=c && V>vpeak) {V=c+1} : if just spiked, wait at least 1 timestep before increasing V>vpeak again, so V reset value takes effect; WATCH statement requires V to cross the vpeak threshod)

  : Cell-type specific dynamics
  if (celltype<5) {
    u = u + delta*a*(b*(V-vr)-u) : Calculate recovery variable
  }
  else {
     : For FS neurons, include nonlinear U(v): U(v) = 0 when v<vb ; U(v) = 0.025(v-vb) when v>=vb (d=vb=-55)
     if (celltype==5) {
       if (V<d) { 
        u = u + delta*a*(0-u)
       }
       else { 
        u = u + delta*a*((0.025*(V-d)^3)-u)
       }
     }

     : For TC neurons, reset b
     if (celltype==6) {
       if (V>-65) {b=0}
       else {b=15}
       u = u + delta*a*(b*(V-vr)-u) : Calculate recovery variable
     }
     
     : For TRN neurons, reset b
     if (celltype==7) {
       if (V>-65) {b=2}
       else {b=10}
       u = u + delta*a*(b*(V-vr)-u) : Calculate recovery variable
     }
  }

  t0=t : Reset last time so delta can be calculated in the next time step
  
  : Print diagnostic inormation to a file
  if (verbose>1) { : Verbose turned on?
    VERBATIM
    FILE *outfile; // Declare file object
    outfile=fopen(filename,"a"); // Open file for appending
    fprintf(outfile,"%8.2f   cell=%6.0f   delta=%8.2f   gAMPA=%8.2f   gNMDA=%8.2f   gGABAA=%8.2f   gGABAB=%8.2f   gOpsin=%8.2f   factor=%8.2f   I=%8.2f   V=%8.2f   u=%8.2f (timestep)\n",t,cellid,delta,gAMPA,gNMDA,gGABAA,gGABAB,gOpsin,factor,I,V,u);
    fclose(outfile); // Close file
    ENDVERBATIM
  }
}

: Input received
NET_RECEIVE (wAMPA, wNMDA, wGABAA, wGABAB, wOpsin) {  
  INITIAL { wAMPA=wAMPA wNMDA=wNMDA wGABAA=wGABAA wGABAB=wGABAB wOpsin=wOpsin} : Insanely stupid but required, otherwise reset to 0, 

  : Check if spike occurred
  if (flag == 1) { : Fake event from INITIAL block
    if (celltype < 4 || celltype == 5 || celltype == 7) { : default
      WATCH (V>vpeak) 2 : Check if threshold has been crossed, and if so, set flag=2
    }
    else if (celltype == 4) { : LTS cell
      WATCH (V>(vpeak-0.1*u)) 2 : Check if threshold has been crossed, and if so, set flag=2     
    }
    else if (celltype == 6) { : TC cell
      WATCH (V>(vpeak+0.1*u)) 2 : Check if threshold has been crossed, and if so, set flag=2     
    }
  } 
  
  : Event created by WATCH statement -- i.e. threshold crossed
  else if (flag == 2) { 
    if (alive) {net_event(t)} : Send spike event if the cell is alive

    : For RS, IB and CH neurons, and RTN
    if (celltype < 4 || celltype == 7) {
      V = c : Reset voltage
      u = u+d : Reset recovery variable
    }
    : For LTS neurons
    else if (celltype == 4) {
      V = c+0.04*u : Reset voltage
      if ((u+d)<670) {u=u+d} : Reset recovery variable
      else {u=670} 
     }  
    : For FS neurons (only update v)
    else if (celltype == 5) {
      V = c : Reset voltage
     }  
    : For TC neurons (only update v)
    else if (celltype == 6) {
      V = c-0.1*u : Reset voltage
      u = u+d : Reset recovery variable
     }  

    gAMPA = 0 : Reset conductances -- not mentioned in Izhikevich's paper but necessary to stop things from exploding!
    gNMDA = 0
    gGABAA = 0
    gGABAB = 0
    gOpsin = 0
  } 
  
  : Actual input, calculate receptor dynamics
  else {
    gAMPA = gAMPA + wAMPA
    gNMDA = gNMDA + wNMDA
    gGABAA = gGABAA + wGABAA
    gGABAB = gGABAB + wGABAB
    gOpsin = gOpsin + wOpsin
  }
  
  : Print diagnostic information to a file
  if (verbose>0) { : Verbose turned on?
    eventflag = flag
    VERBATIM
    FILE *outfile; // Declare file object
//if(cellid>=0 && cellid < 300) {
    outfile=fopen(filename,"a"); // Open file for appending
    fprintf(outfile,"t=%8.2f   cell=%6.0f   flag=%1.0f   gAMPA=%8.2f   gNMDA=%8.2f   gGABAA=%8.2f   gGABAB=%8.2f   gOpsin=%8.2f   V=%8.2f   u=%8.2f (event)\n",t, cellid,eventflag,gAMPA,gNMDA,gGABAA,gGABAB,gOpsin,V,u);
    fclose(outfile); // Close file
//}
    ENDVERBATIM
  }
  
  
}
''',
}

SOURCES = {'VClamp': {'repo': 'neuronsimulator/nrn',
            'path': 'src/nrnoc/vclmp.mod',
            'commit': '040f47fac1c6417de893fc1ea1c45746c63341de',
            'sha256': 'cd42368cf0bceaa90b562c982fb57a8a6dc4e3d40eb88ce204f1af7b09255447',
            'builtin': True},
 'IntFire1': {'repo': 'neuronsimulator/nrn',
              'path': 'src/nrnoc/intfire1.mod',
              'commit': '1f6563798a17780d2dc3b42812e2a58189809a3c',
              'sha256': '160e1e699f3e76a3b24866241f2f72549d1c079aea92d8e34271d498621b099f',
              'builtin': True},
 'IntFire2': {'repo': 'neuronsimulator/nrn',
              'path': 'src/nrnoc/modfiles/neuron/intfire2.mod (8.2.2 tree: src/nrnoc/intfire2.mod)',
              'commit': 'c1a2ff384dc1223df9ba4f16f68c190ab98f586a',
              'sha256': '8537c39745400694c6b060c3cf2218ad273e0e60117b9c15efcfa77cae8f96e4',
              'builtin': True},
 'IntFire4': {'repo': 'neuronsimulator/nrn',
              'path': 'src/nrnoc/intfire4.mod',
              'commit': '1f6563798a17780d2dc3b42812e2a58189809a3c',
              'sha256': '734a757d7db0586fe1c12edf7a8b85d6eb084c6c9737be999c1886cba84d9de3',
              'builtin': True},
 'NetStim': {'repo': 'neuronsimulator/nrn',
             'path': 'src/nrnoc/netstim.mod',
             'commit': '072a71199db0bed5d0e504c79e4144074f8db059',
             'sha256': 'b6985a5ca133a981d17d6ed4d195f3efcddf3e57042fc46b615e7eeb2aec89bd',
             'builtin': True},
 'Izhi2003a': {'repo': 'suny-downstate-medical-center/netpyne',
               'path': 'doc/source/code/mod/izhi2003a.mod',
               'commit': '3c578b126db58870ef2216eed4f40ffcbf7c13a7',
               'sha256': '3e3c25be6106dd5deb2271f0ccaf7e641640f46ddca309f30d645b43e8d52b8d',
               'builtin': False,
               'variant': 'INITIAL u=0.2*V; examples/paper/fig5/mod/izhi2003a.mod @385e1a194b3e '
                          'has u=0.0 instead (only difference)'},
 'Izhi2003b': {'repo': 'suny-downstate-medical-center/netpyne',
               'path': 'doc/source/code/mod/izhi2003b.mod',
               'commit': '3c578b126db58870ef2216eed4f40ffcbf7c13a7',
               'sha256': 'bfa8841015a6bf423a2a755c78a9c02580ef02615b3d20ce24d91ceb20ad3b6b',
               'builtin': False,
               'variant': 'INITIAL u=0.2*v; examples/paper/fig5/mod/izhi2003b.mod @385e1a194b3e '
                          'has u=0.0 instead (only difference)'},
 'Izhi2007a': {'repo': 'suny-downstate-medical-center/netpyne',
               'path': 'doc/source/code/mod/izhi2007a.mod',
               'commit': '3c578b126db58870ef2216eed4f40ffcbf7c13a7',
               'sha256': '54d9507b7e619030be324f3d8ae820e80436120f2441d894dd871057fc85670b',
               'builtin': False,
               'variant': 'PARAMETER C = 100, INITIAL u = 0.2*vr; the other stored version of the '
                          'same path (@a12794e8b29e) has C = 1 and u = 0.0 (only differences). The '
                          'case sets C explicitly.'}}

DT = 0.025
V_INIT = -65.0
CELSIUS = 6.3
HPARAMS = {'celsius': CELSIUS, 'v_init': V_INIT, 'clamp_resist': 0.001}


def hash_str(s):
    """NetPyNE sim/utils.py hashStr."""
    return int(hashlib.md5(s.encode('utf-8')).hexdigest()[0:8], 16)


def sim_config(duration, record_cells, record_traces):
    return {'duration': duration, 'tstop': duration, 'dt': DT, 'hParams': dict(HPARAMS),
            'cvode_active': False, 'recordStep': DT, 'recordCells': record_cells,
            'recordTraces': record_traces, 'seeds': {'conn': 1, 'stim': 1, 'loc': 1, 'cell': 1},
            'verbose': False}


# ----------------------------------------------------------------------------------------
# NEURON side (runs in the child process)
# ----------------------------------------------------------------------------------------

def compile_mods():
    """Write MODS to a temporary folder, run nrnivmodl there; return the libnrnmech.so path."""
    d = tempfile.mkdtemp(prefix='spikegpu-artif-mods-')
    for name, text in MODS.items():
        with open(os.path.join(d, name), 'w') as f:
            f.write(text)
    ok = subprocess.run(['nrnivmodl'], cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    lib = os.path.join(d, 'x86_64', '.libs', 'libnrnmech.so')
    if not (ok or os.path.exists(lib)):
        # Debian 8.2.2: nrnivmodl expects ${bindir}/nrnmech_makefile and libnrniv in ${libdir}
        with open(shutil.which('nrnivmodl')) as f:
            script = f.read()
        script = script.replace('"${bindir}/nrnmech_makefile"', '"/usr/lib/nrn/nrnmech_makefile"')
        script = script.replace('"ROOT=${prefix}"', '"ROOT=${prefix}" "libdir=/usr/lib/nrn"')
        patched = os.path.join(d, 'nrnivmodl-patched')
        with open(patched, 'w') as f:
            f.write(script)
        subprocess.run(['bash', patched], cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(lib):
        raise RuntimeError('nrnivmodl failed in ' + d)
    return lib


class Net:
    """Minimal NetPyNE-equivalent builder (single process, rank 0)."""

    def __init__(self):
        from neuron import h
        self.h = h
        h.load_file('stdrun.hoc')
        self.pc = h.ParallelContext()
        h.cvode.active(0)
        h.secondorder = 0
        self.keep = []
        self.netstim_stims = []   # (gid, hRandom, netstim, seed) for preRun
        self.netstim_cells = []
        self.intervals = []

    def point_cell(self, gid, model, params):
        """cell/pointCell.py createNEURONObj + associateGid."""
        h = self.h
        pp = getattr(h, model)()
        for k, v in params.items():
            if k == 'rate':
                setattr(pp, 'interval', 1000.0 / v)
            else:
                setattr(pp, k, v)
        if model == 'NetStim':
            r = h.Random()
            if 'number' not in params:
                pp.number = 1e9
            self.netstim_cells.append((gid, r, pp, params.get('seed', 1)))
        self.associate(gid, pp)
        return pp

    def associate(self, gid, source, sec=None, threshold=10.0):
        h = self.h
        self.pc.set_gid2node(gid, 0)
        nc = h.NetCon(source, None, sec=sec) if sec is not None else h.NetCon(source, None)
        nc.threshold = threshold
        self.pc.cell(gid, nc, 1)
        del nc

    def gid_connect(self, pre, target, weight, delay, weight_index=0):
        nc = self.pc.gid_connect(pre, target)
        nc.weight[weight_index] = weight
        nc.delay = delay
        self.keep.append(nc)
        return nc

    def netstim_stim(self, gid, target, interval, number, start, noise, weight, delay, weight_index=0, seed=1):
        """compartCell.addStim (NetStim) -> addConn -> cell.addNetStim + NetCon."""
        h = self.h
        rate = 1000.0 / interval                  # compartCell.addStim: 1000.0/params['interval']
        r = h.Random()
        ns = h.NetStim()
        ns.interval = rate ** -1 * 1e3            # cell.addNetStim
        ns.noise = noise
        ns.start = start
        ns.number = number
        nc = h.NetCon(ns, target)
        nc.weight[weight_index] = weight
        nc.delay = delay
        self.keep += [ns, nc, r]
        self.netstim_stims.append((gid, r, ns, seed))
        self.intervals.append(ns.interval)
        return ns, nc

    def run(self, tstop, record, spikes=True):
        """sim.preRun() + h.finitialize(v_init) + run; record = {name: ptr}."""
        h = self.h
        for gid, r, ns, seed in self.netstim_cells + self.netstim_stims:
            r.Random123(hash_str('NetStim'), gid, seed)
            r.negexp(1)
            ns.noiseFromRandom(r)
        spkt, spkid = h.Vector(), h.Vector()
        self.pc.spike_record(-1, spkt, spkid)
        try:
            tvec = h.Vector().record(h._ref_t)
        except RuntimeError:  # no section at all (artificial cells only): t cannot be recorded per step
            tvec = None
        vecs = {k: h.Vector().record(p) for k, p in record.items()}
        vecs_dt = {k: h.Vector().record(p, DT) for k, p in record.items()}
        h.dt = DT
        h.celsius = CELSIUS
        h.tstop = tstop
        h('clamp_resist = 0.001')
        h.finitialize(V_INIT)
        h.continuerun(tstop)
        out = {'t': list(tvec) if tvec is not None else None, 'traces': {k: list(v) for k, v in vecs.items()},
               'spikes': {'t': list(spkt), 'gid': [int(x) for x in spkid]}}
        diffs = {}
        for k in vecs:
            a, b = list(vecs[k]), list(vecs_dt[k])
            d = [[i, y] for i, (x, y) in enumerate(zip(a, b)) if x != y]
            if d or len(a) != len(b):
                diffs[k] = d
        out['recordStepDiffs'] = diffs
        # Vector.record(ptr, Dt) keeps a last sample only if its accumulated time is <= tstop
        out['recordStepLengths'] = {k: len(v) for k, v in vecs_dt.items()}
        return out


BUILD_VCLAMP = [
    'soma = Section; diam, L, Ra; insert hh; gnabar, gkbar, gl, el on every segment',
    'pc.set_gid2node(0); NetCon(soma(0.5)._ref_v, None) threshold 10; pc.cell(0, nc, 1)',
    'VClamp(soma(0.5)); amp[j], dur[j] element-wise (other params: NEURON defaults)',
    'finitialize(-65) (INITIAL, then BREAKPOINT once at t=0: index 0 of i/e/vo/vi); continuerun(50)',
]
BUILD_INTFIRE = [
    'per pop in popParams order (gid = order): hPointp = h.<cellModel>(); params setattr in dict order; '
    'NetStim: h.Random() kept for preRun; pc.set_gid2node(gid); NetCon(hPointp, None) threshold 10; pc.cell(gid, nc, 1)',
    'per connParams rule in order, fullConn: post (ascending gid) outer, pre inner: pc.gid_connect(pre, post hPointp); weight[0]; delay',
    'preRun: NetStim cells: Random123(hashStr("NetStim"), gid, 1); negexp(1); noiseFromRandom (no effect, noise 0)',
    'finitialize(-65); continuerun(200). One extra empty Section exists only for per-step Vector.record.',
]
BUILD_IZHI = [
    'soma = Section; geom setattr in order (diam, L, cm)',
    'pointp = h.<mod>(0.5, sec=soma); params setattr in dict order (mod/vref/synList skipped)',
    'pc.set_gid2node(0); NetCon(pointp._ref_<vref>, None, sec=soma) if vref else NetCon(soma(0.5)._ref_v, None, sec=soma); threshold 10; pc.cell(0, nc, 1)',
    'stimTargetParams in order: IClamp(soma(0.5)) + setattr; NetStim: [synMech ExpSyn(soma(0.5)) + setattr if no vref], '
    'h.Random(), h.NetStim() (interval = (1000/interval)**-1*1e3, noise, start, number), '
    'NetCon(netstim, target) with weight[synList.index(synMech) if vref and synMech in synList else 0], delay',
    'preRun: Random123(hashStr("NetStim"), gid, 1); negexp(1); noiseFromRandom; finitialize(-65); continuerun(200)',
]


def case_vclamp():
    from neuron import h
    net = Net()
    soma = h.Section(name='soma')
    soma.diam = 18.8
    soma.L = 18.8
    soma.Ra = 123.0
    soma.insert('hh')
    for seg in soma:
        seg.hh.gnabar = 0.12
        seg.hh.gkbar = 0.036
        seg.hh.gl = 0.003
        seg.hh.el = -70
    net.associate(0, soma(0.5)._ref_v, sec=soma)
    vc = h.VClamp(soma(0.5))
    for j, a in enumerate([-65, -20, -70]):
        vc.amp[j] = a
    for j, d in enumerate([10, 20, 10]):
        vc.dur[j] = d
    rec = {'v': soma(0.5)._ref_v, 'i': vc._ref_i}
    for s in ['e', 'vo', 'vi', 'e0', 'vo0', 'vi0']:
        rec[s] = getattr(vc, '_ref_' + s)
    out = net.run(50.0, rec)
    out['neuronBuild'] = BUILD_VCLAMP
    out['final'] = {'gain': vc.gain, 'rstim': vc.rstim, 'tau1': vc.tau1, 'tau2': vc.tau2, 'fac': vc.fac}
    return out


INTFIRE = {
    'pops': [  # label, cellModel, params (gid = position)
        ('src1', 'NetStim', {'interval': 7.31, 'number': 30, 'start': 5.113, 'noise': 0}),
        ('src2', 'NetStim', {'interval': 11.71, 'number': 20, 'start': 3.307, 'noise': 0}),
        ('IF1', 'IntFire1', {'tau': 10, 'refrac': 5}),
        ('IF2', 'IntFire2', {'taum': 10, 'taus': 20, 'ib': 0.2}),
        ('IF4', 'IntFire4', {}),
        ('OUT', 'IntFire1', {'tau': 10, 'refrac': 5}),
    ],
    'conns': [  # label, pre pops, post pops, weight, delay  (fullConn: post outer, pre inner)
        ('src1->IF', ['src1'], ['IF1', 'IF2', 'IF4'], 0.7, 1.1),
        ('src2->IF', ['src2'], ['IF1', 'IF2', 'IF4'], -0.3, 2.2),
        ('IF->OUT', ['IF1', 'IF2', 'IF4'], ['OUT'], 0.6, 1.5),
    ],
    'tstop': 200.0,
}


def case_intfire():
    from neuron import h
    net = Net()
    # NetPyNE builds no section here. Without any section NEURON 8.2.2 refuses
    # Vector.record(&t) and silently records nothing for Vector.record(&m) without Dt, so one
    # empty section (no mechanisms, not connected to anything) is created only to get per-step
    # samples; it cannot influence the artificial cells.
    recorder = h.Section(name='recorder')
    gids = {}
    objs = {}
    for gid, (label, model, params) in enumerate(INTFIRE['pops']):
        gids[label] = gid
        objs[label] = net.point_cell(gid, model, params)
    for label, pres, posts, w, d in INTFIRE['conns']:
        for post in posts:
            for pre in pres:
                net.gid_connect(gids[pre], objs[post], w, d)
    rec = {}
    for label in ['IF1', 'IF2', 'IF4', 'OUT']:
        pp = objs[label]
        names = {'IntFire1': ['m'], 'IntFire2': ['m', 'i'], 'IntFire4': ['e', 'i1', 'i2', 'm']}[pp.hname().split('[')[0]]
        for v in names:
            rec['%s.%s' % (label, v)] = getattr(pp, '_ref_' + v)
    out = net.run(INTFIRE['tstop'], rec)
    del recorder
    if4 = objs['IF4']
    out['final'] = {'IF4.nself': if4.nself, 'IF4.nexcite': if4.nexcite, 'IF4.ninhibit': if4.ninhibit,
                    'IF4.taue': if4.taue, 'IF4.taui1': if4.taui1, 'IF4.taui2': if4.taui2, 'IF4.taum': if4.taum,
                    'IF2.taus': objs['IF2'].taus}
    out['gids'] = gids
    out['neuronBuild'] = BUILD_INTFIRE
    return out


IZHI = {
    'izhi2007a': {
        'mod': 'Izhi2007a', 'vref': 'V', 'synList': ['AMPA', 'NMDA', 'GABAA', 'GABAB', 'opsin'],
        'params': {'C': 100, 'k': 0.7, 'vr': -60, 'vt': -40, 'vpeak': 35, 'a': 0.03, 'b': -2, 'c': -50,
                   'd': 100, 'celltype': 1, 'Iin': 100},
        'stims': [  # label, synMech, interval, number, start, weight, delay
            ('exc', 'AMPA', 13.37, 1e9, 7.713, 3.0, 1.0),
            ('inh', 'GABAA', 29.93, 1e9, 21.117, 2.0, 2.0),
        ],
        'record': ['V', 'u', 'gAMPA', 'gGABAA'],
    },
    'izhi2003a': {
        'mod': 'Izhi2003a', 'vref': 'V',
        'params': {'a': 0.02, 'b': 0.2, 'c': -65, 'd': 8, 'Iin': 14},
        'stims': [('exc', None, 17.137, 1e9, 20.0037, 0.05, 1.0)],
        'record': ['V', 'u', 'gsyn'],
    },
    'izhi2003b': {
        'mod': 'Izhi2003b',
        'params': {'a': 0.02, 'b': 0.2, 'c': -65, 'd': 8, 'Iin': 15},
        'iclamp': {'del': 20.0037, 'dur': 150, 'amp': 0.15},
        'synMech': {'mod': 'ExpSyn', 'tau': 2, 'e': 0},
        'stims': [('exc', 'exc', 17.137, 1e9, 30.0071, 0.002, 1.0)],
        'record': ['u', 'i'],
    },
}


def case_izhi(name):
    from neuron import h
    h.nrn_load_dll(os.environ['SPIKEGPU_MECHLIB'])
    spec = IZHI[name]
    net = Net()
    soma = h.Section(name='soma')
    soma.diam = 10
    soma.L = 10
    soma.cm = 31.831
    pp = getattr(h, spec['mod'])(0.5, sec=soma)
    for k, v in spec['params'].items():
        setattr(pp, k, v)
    if 'vref' in spec:
        net.associate(0, getattr(pp, '_ref_' + spec['vref']), sec=soma)
    else:
        net.associate(0, soma(0.5)._ref_v, sec=soma)
    if 'iclamp' in spec:
        ic = h.IClamp(soma(0.5))
        for k, v in spec['iclamp'].items():
            setattr(ic, k, v)
        net.keep.append(ic)
    for label, syn, interval, number, start, w, d in spec['stims']:
        if 'vref' in spec:
            target = pp
            syn_list = spec.get('synList', [])
            widx = syn_list.index(syn) if syn in syn_list else 0
        else:
            target = h.ExpSyn(soma(0.5))
            for k, v in spec['synMech'].items():
                if k != 'mod':
                    setattr(target, k, v)
            net.keep.append(target)
            widx = 0
        net.netstim_stim(0, target, interval, number, start, 0, w, d, weight_index=widx)
    rec = {v: getattr(pp, '_ref_' + v) for v in spec['record']}
    rec['soma.v'] = soma(0.5)._ref_v
    out = net.run(200.0, rec)
    out['netstimIntervals'] = {label + '->P': iv for (label, *_), iv in zip(spec['stims'], net.intervals)}
    out['neuronBuild'] = BUILD_IZHI
    if 'vref' in spec:
        out['traces'].pop('soma.v')
        out['recordStepDiffs'].pop('soma.v', None)
    return out


# ----------------------------------------------------------------------------------------
# NetPyNE specs
# ----------------------------------------------------------------------------------------

def spec_vclamp():
    net_params = {
        'cellParams': {'HHsoma': {'secs': {'soma': {
            'geom': {'diam': 18.8, 'L': 18.8, 'Ra': 123.0},
            'mechs': {'hh': {'gnabar': 0.12, 'gkbar': 0.036, 'gl': 0.003, 'el': -70}}}}}},
        'popParams': {'P': {'cellType': 'HHsoma', 'numCells': 1}},
        'stimSourceParams': {'vc': {'type': 'VClamp', 'amp': [-65, -20, -70], 'dur': [10, 20, 10]}},
        'stimTargetParams': {'vc->P': {'source': 'vc', 'conds': {'pop': 'P'}, 'sec': 'soma', 'loc': 0.5}},
    }
    rt = {'v': {'sec': 'soma', 'loc': 0.5, 'var': 'v'}}
    for s in ['i', 'e', 'vo', 'vi', 'e0', 'vo0', 'vi0']:
        rt[s] = {'sec': 'soma', 'loc': 0.5, 'stim': 'vc->P', 'var': s}
    return net_params, sim_config(50.0, [0], rt)


def spec_intfire():
    pops = {}
    for label, model, params in INTFIRE['pops']:
        pops[label] = dict({'cellModel': model, 'numCells': 1}, **params)
    conns = {}
    for label, pres, posts, w, d in INTFIRE['conns']:
        conns[label] = {'preConds': {'pop': pres if len(pres) > 1 else pres[0]},
                        'postConds': {'pop': posts if len(posts) > 1 else posts[0]},
                        'weight': w, 'delay': d}
    net_params = {'popParams': pops, 'connParams': conns}
    rt = {'m': {'var': 'm'}, 'i': {'var': 'i'}, 'e': {'var': 'e'}, 'i1': {'var': 'i1'}, 'i2': {'var': 'i2'}}
    return net_params, sim_config(INTFIRE['tstop'], [2, 3, 4, 5], rt)


def spec_izhi(name):
    spec = IZHI[name]
    pointp = {'mod': spec['mod']}
    if 'vref' in spec:
        pointp['vref'] = spec['vref']
    if 'synList' in spec:
        pointp['synList'] = list(spec['synList'])
    pointp.update(spec['params'])
    net_params = {
        'cellParams': {'IzhiCell': {'secs': {'soma': {
            'geom': {'diam': 10, 'L': 10, 'cm': 31.831}, 'pointps': {'Izhi': pointp}}}}},
        'popParams': {'P': {'cellType': 'IzhiCell', 'numCells': 1}},
        'stimSourceParams': {}, 'stimTargetParams': {},
    }
    if 'synMech' in spec:
        net_params['synMechParams'] = {'exc': dict(spec['synMech'])}
    if 'iclamp' in spec:
        net_params['stimSourceParams']['ic'] = dict({'type': 'IClamp'}, **spec['iclamp'])
        net_params['stimTargetParams']['ic->P'] = {'source': 'ic', 'conds': {'pop': 'P'}, 'sec': 'soma', 'loc': 0.5}
    for label, syn, interval, number, start, w, d in spec['stims']:
        net_params['stimSourceParams'][label] = {'type': 'NetStim', 'interval': interval, 'number': number,
                                                 'start': start, 'noise': 0}
        tgt = {'source': label, 'conds': {'pop': 'P'}, 'weight': w, 'delay': d}
        if syn is not None:
            tgt['synMech'] = syn
        if 'vref' not in spec:
            tgt.update({'sec': 'soma', 'loc': 0.5})
        net_params['stimTargetParams'][label + '->P'] = tgt
    rt = {}
    for v in spec['record']:
        rt[v] = {'sec': 'soma', 'pointp': 'Izhi', 'var': v}
    if 'vref' not in spec:
        rt['soma.v'] = {'sec': 'soma', 'loc': 0.5, 'var': 'v'}
    return net_params, sim_config(200.0, [0], rt)


CASES = {
    'vclamp': (case_vclamp, spec_vclamp),
    'intfire': (case_intfire, spec_intfire),
    'izhi2007a': (lambda: case_izhi('izhi2007a'), lambda: spec_izhi('izhi2007a')),
    'izhi2003a': (lambda: case_izhi('izhi2003a'), lambda: spec_izhi('izhi2003a')),
    'izhi2003b': (lambda: case_izhi('izhi2003b'), lambda: spec_izhi('izhi2003b')),
}

NOTES = ["Built-in mechanisms (VClamp, IntFire1/2/4, NetStim) are NEURON 8.2.2's own compiled versions; "
 'the listed sources were compiled under other names and reproduced the built-ins bit-for-bit '
 '(VClamp case and an IntFire/NetStim network).',
 "Spike times of threshold detectors (NetCon on a variable) are t_k + 1e-10 where t_k is NEURON's "
 'accumulated t at the end of the first step with var > threshold; artificial-cell (net_event) '
 'spike times are the exact event times.',
 'WATCH (x > thr) self-events fire at t_k (no 1e-10) of the first step end where the condition '
 'holds; they are delivered at the start of the next step, before its integration.',
 'Event delivery in a fixed step: start of step: threshold/WATCH checks, then all queued events '
 'with time <= t + dt/2; end of step (after the state update and after Vector.record sampling): '
 'all events with time <= t. Events with equal times are delivered in insertion (FIFO) order.',
 'Traces recorded with Vector.record(ptr) (no Dt). recordStepDiffs: samples that differ when '
 'recorded as NetPyNE does (Vector.record(ptr, recordStep=dt)).',
 'NetStim stimTargetParams: NetPyNE converts interval -> rate = 1000/interval -> netstim.interval '
 '= rate**-1*1e3; "netstimIntervals" gives the resulting double per case.']


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--case':
        out = CASES[sys.argv[2]][0]()
        sys.stdout.write(json.dumps(out))
        return
    from neuron import h
    result = {'simulator': 'NEURON ' + h.nrnversion(), 'dt': DT, 'v_init': V_INIT, 'celsius': CELSIUS,
              'secondorder': 0, 'run': 'h.finitialize(-65); h.continuerun(tstop)',
              'sources': SOURCES, 'notes': NOTES, 't': {}, 'cases': {}}
    lib = compile_mods()
    env = dict(os.environ, SPIKEGPU_MECHLIB=lib)
    for name, (_, spec) in CASES.items():
        proc = subprocess.run([sys.executable, os.path.abspath(__file__), '--case', name],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True, env=env)
        data = json.loads(proc.stdout)
        net_params, cfg = spec()
        case = {'netParams': net_params, 'simConfig': cfg}
        tvec = data.pop('t')
        key = repr(cfg['duration'])
        if tvec is not None:
            assert result['t'].setdefault(key, tvec) == tvec
        case['t'] = 't[%r]' % key
        case.update(data)
        result['cases'][name] = case
    shutil.rmtree(os.path.dirname(os.path.dirname(os.path.dirname(lib))), ignore_errors=True)
    sys.stdout.write(json.dumps(result))


if __name__ == '__main__':
    main()
