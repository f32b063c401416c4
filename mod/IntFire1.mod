: spikegpu built-in: leaky integrate-and-fire artificial cell, as NEURON's intfire1.mod.
: m plays the role of the membrane potential: it decays with tau [ms] and jumps by the
: NetCon weight w at each input. Crossing 1 fires: the cell emits a spike at the event time,
: m is shown as 2 and inputs are ignored for refrac [ms] (a flag-1 self-event ends the
: refractory period and resets m to 0). Everything is computed analytically at events.
: The simulator compiles this file (src/nmodl, src/mech/builtins.ts).

NEURON {
    ARTIFICIAL_CELL IntFire1
    RANGE tau, refrac, m
}

PARAMETER {
    tau = 10 (ms)
    refrac = 5 (ms)
}

ASSIGNED {
    m
    t0 (ms)
    refractory
}

INITIAL {
    m = 0
    t0 = t
    refractory = 0
}

FUNCTION M() {
    if (refractory == 0) {
        M = m*exp(-(t - t0)/tau)
    } else if (refractory == 1) {
        if (t - t0 < .5) { M = 2 } else { M = -1 }
    }
}

NET_RECEIVE (w) {
    if (refractory == 0) {
        m = m*exp(-(t - t0)/tau)
        t0 = t
        m = m + w
        if (m > 1) {
            refractory = 1
            m = 2
            net_send(refrac, refractory)
            net_event(t)
        }
    } else if (flag == 1) {
        t0 = t
        refractory = 0
        m = 0
    }
}
