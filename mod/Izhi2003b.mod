: spikegpu built-in: Izhikevich (2003) cell as a current on its section, as NetPyNE's
: izhi2003b.mod: i = -0.001*(0.04*v^2 + f*v + g - u + Iin) [nA] and u' = a*(b*v - u)
: (derivimplicit). The section's capacitance sets the time scale; v > thresh resets the
: section's v = c and u += d. Spikes are NetPyNE's section detector; inputs are synMechs.
: The simulator compiles this file (src/nmodl, src/mech/builtins.ts).

NEURON {
    POINT_PROCESS Izhi2003b
    RANGE a, b, c, d, f, g, Iin, fflag, thresh, cellid
    NONSPECIFIC_CURRENT i
}

UNITS { (mV) = (millivolt) (nA) = (nanoamp) }

PARAMETER {
    a = 0.02 (/ms)  b = 0.2 (/ms)  c = -65 (mV)  d = 2 (mV/ms)
    f = 5  g = 140  Iin = 10  thresh = 30 (mV)  fflag = 1  cellid = -1
}

ASSIGNED { v (mV) i (nA) }

STATE { u (mV/ms) }

INITIAL {
    : a point process's INITIAL does not write the node: v = -65 only initialises u
    v = -65
    u = 0.2*v
    net_send(0, 1)
}

BREAKPOINT {
    SOLVE states METHOD derivimplicit
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
