: spikegpu built-in: alpha-function conductance starting at `onset`, without events, as NEURON's
: AlphaSynapse: g = gmax*(t - onset)/tau*exp(1 - (t - onset)/tau) for 0 <= (t - onset)/tau <= 10,
: else 0; peak gmax at onset + tau. t is the mid-step time of nrn_cur.
: The simulator compiles this file (src/nmodl, src/mech/builtins.ts).

NEURON {
    POINT_PROCESS AlphaSynapse
    RANGE onset, tau, gmax, e, i
    NONSPECIFIC_CURRENT i
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}

PARAMETER {
    onset = 0 (ms)
    tau = 0.1 (ms) <1e-3, 1e6>
    gmax = 0 (uS) <0, 1e9>
    e = 0 (mV)
}

ASSIGNED {
    v (mV)
    i (nA)
    g (uS)
}

BREAKPOINT {
    g = gmax*alpha((t - onset)/tau)
    i = g*(v - e)
}

FUNCTION alpha(x) {
    if (x < 0 || x > 10) {
        alpha = 0
    } else {
        alpha = x*exp(1 - x)
    }
}
