: spikegpu built-in: Izhikevich (2003) cell with its own voltage V, as NetPyNE's
: izhi2003a.mod. The point process carries no current: its section is a placeholder, spikes
: are detected on V (NetPyNE `vref: 'V'`) and connections add their weight to gsyn.
:   V' = 0.04*V^2 + f*V + g - u + Iin - gsyn*(V - erev)
:   u' = a*(b*V - u)
:   gsyn' = -gsyn/taug
: solved each step by derivimplicit (Newton's method with a finite-difference Jacobian, as
: NEURON's scopmath); V > thresh resets V = c, u += d.
: The simulator compiles this file (src/nmodl, src/mech/builtins.ts).

NEURON {
    POINT_PROCESS Izhi2003a
    RANGE a, b, c, d, f, g, Iin, fflag, thresh, erev, taug
}

PARAMETER {
    a = 0.02  b = 0.2  c = -65  d = 2  f = 5  g = 140  Iin = 10
    taug = 1  thresh = 30  erev = 0  fflag = 1
}

STATE { u V gsyn }

INITIAL {
    V = -65
    u = 0.2*V
    gsyn = 0
    net_send(0, 1)
}

BREAKPOINT {
    SOLVE states METHOD derivimplicit
}

DERIVATIVE states {
    V' = 0.04*V*V + f*V + g - u + Iin - gsyn*(V - erev)
    u' = a*(b*V - u)
    gsyn' = -gsyn/taug
}

NET_RECEIVE (w) {
    if (flag == 1) {
        WATCH (V > thresh) 2
    } else if (flag == 2) {
        net_event(t)
        V = c
        u = u + d
    } else {
        gsyn = gsyn + w
    }
}
