: spikegpu built-in: rectangular current pulse of amp [nA] from del for dur [ms], as NEURON's
: IClamp. An electrode current: positive amp depolarises. The pulse is tested at the middle
: of each step (NEURON's nrn_cur time), so a step carries amp iff del <= t + dt/2 < del + dur.
: NetPyNE may name del `delay`. The simulator compiles this file (src/nmodl, src/mech/builtins.ts).

NEURON {
    POINT_PROCESS IClamp
    RANGE del, dur, amp, i
    ELECTRODE_CURRENT i
}

UNITS { (nA) = (nanoamp) }

PARAMETER {
    del (ms)
    dur (ms) <0, 1e9>
    amp (nA)
}

ASSIGNED { i (nA) }

INITIAL { i = 0 }

BREAKPOINT {
    if (t < del + dur && t >= del) {
        i = amp
    } else {
        i = 0
    }
}
