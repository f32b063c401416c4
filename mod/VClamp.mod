: spikegpu built-in: two-electrode voltage clamp with three levels, as NEURON's vclmp.mod.
: The command is amp[j] for dur[j] ms in turn from t = 0; after dur[0] + dur[1] + dur[2] the
: clamp is off (i = 0). A control amplifier (gain, time constant tau2) drives the cell through
: rstim [MOhm]; the measuring amplifier has time constant tau1. States: e (amplifier input),
: vo (amplifier output), vi (measured potential). i is an electrode current: positive
: depolarises. The clamp is stiff: use it with the fixed step (secondorder 0) only.
: The LINEAR block is solved by Gaussian elimination with partial pivoting (scopmath simeq).
: The simulator compiles this file (src/nmodl, src/mech/builtins.ts).

DEFINE NSTEP 3

NEURON {
    POINT_PROCESS VClamp
    ELECTRODE_CURRENT i
    RANGE e0, vo0, vi0, dur, amp, gain, rstim, tau1, tau2, fac, i
}

UNITS { (nA) = (nanoamp) (mV) = (millivolt) }

PARAMETER {
    dur[NSTEP] (ms)
    amp[NSTEP] (mV)
    gain = 1e5
    rstim = 1 (megohm)
    tau1 = .001 (ms)
    tau2 = 0 (ms)
    e0 (mV) vo0 (mV) vi0 (mV)
    fac = 0
}

ASSIGNED { v (mV) dt (ms) i (nA) stim (mV) tc (ms) }

STATE { e (mV) vo (mV) vi (mV) }

INITIAL {
    e0 = 0
    vo = v  vo0 = v
    vi = v  vi0 = v
    e = 0
}

BREAKPOINT {
    SOLVE update METHOD after_cvode
    vstim()
    i = icur()
}

PROCEDURE vstim() {
    : the level active at t; tc = end of the clamp (+100 while a level is on)
    tc = 0
    FROM j = 0 TO NSTEP - 1 {
        stim = amp[j]
        tc = tc + dur[j]
        if (t < tc) {
            tc = tc + 100
            VERBATIM
            break;
            ENDVERBATIM
        }
    }
}

FUNCTION icur() (nA) {
    if (t > tc) {
        e0 = 0
        vo0 = 0
        icur = 0
    } else {
        SOLVE clamp
        icur = (vo - v)/rstim
    }
}

LINEAR clamp {
    LOCAL t1, t2
    t1 = tau1/dt
    t2 = tau2/dt
    ~ vi = v + fac*vo - fac*v
    ~ t2*vo - t2*vo0 + vo = -gain*e
    ~ -stim - e + vi - e + t1*vi - t1*e - t1*(vi0 - e0) = 0
}

PROCEDURE update() {
    : after the voltage update: the current at t + dt, and the states for the next step
    i = icur()
    e0 = e
    vo0 = vo
    vi0 = vi
}
