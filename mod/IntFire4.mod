: spikegpu built-in: artificial cell with a fast excitatory current, a slower alpha-like
: inhibitory current and a slow leaky membrane, as NEURON's intfire4.mod.
:   de/dt = -ke*e,  di1/dt = -ki1*i1,  di2/dt = -ki2*i2 + ai1*i1,  dm/dt = -km*m + ae*e + ai2*i2
: (ke = 1/taue etc., requires taue < taui1 < taui2 < taum; INITIAL enforces it by 0.01 ms
: steps). Inputs with w > 0 add to e, others to i1. States are advanced exactly at events;
: m > 1 - eps fires and resets m to 0. The firing time is approached from below by
: self-events at (1 - m)/slope (a Newton step that never overshoots), moved by each input.
: factors() normalises the responses so that a unit weight peaks m at 1.
: The simulator compiles this file (src/nmodl, src/mech/builtins.ts).

NEURON {
    ARTIFICIAL_CELL IntFire4
    RANGE taue, taui1, taui2, taum, e, i1, i2, m
    RANGE nself, nexcite, ninhibit
    GLOBAL eps
}

PARAMETER {
    taue = 5 (ms)
    taui1 = 10 (ms)
    taui2 = 20 (ms)
    taum = 50 (ms)
    eps = 1e-6
}

ASSIGNED {
    e i1 i2 m
    enew i1new i2new mnew
    t0 (ms)
    nself nexcite ninhibit
    ke (1/ms) ki1 (1/ms) ki2 (1/ms) km (1/ms)
    ae (1/ms) ai1 (1/ms) ai2 (1/ms)
    be bi1 bi2
    a b
}

PROCEDURE newstates(d (ms)) {
    LOCAL ee, ei1, ei2, em
    ee = exp(-ke*d)
    ei1 = exp(-ki1*d)
    ei2 = exp(-ki2*d)
    em = exp(-km*d)
    enew = e*ee
    i1new = i1*ei1
    i2new = i2*ei2 + bi1*i1*(ei2 - ei1)
    mnew = m*em + be*e*(em - ee) + (bi2*i2 + a*i1)*(em - ei2) - b*i1*(em - ei1)
}

FUNCTION M() { newstates(t - t0)  M = mnew }
FUNCTION E() { newstates(t - t0)  E = enew }
FUNCTION I() { newstates(t - t0)  I = i2new }

PROCEDURE update() {
    e = enew  i1 = i1new  i2 = i2new  m = mnew  t0 = t
}

PROCEDURE factors() {
    LOCAL tp
    if (taue >= taui1) { taui1 = taue + .01 }
    if (taui1 >= taui2) { taui2 = taui1 + .01 }
    if (taui2 >= taum) { taum = taui2 + .01 }
    ke = 1/taue  ki1 = 1/taui1  ki2 = 1/taui2  km = 1/taum
    : peak m = 1 for a single e of 1
    tp = log(km/ke)/(km - ke)
    be = 1/(exp(-km*tp) - exp(-ke*tp))
    ae = be*(ke - km)
    : peak i2 = 1 for a single i1 of 1
    tp = log(ki2/ki1)/(ki2 - ki1)
    bi1 = 1/(exp(-ki2*tp) - exp(-ki1*tp))
    ai1 = bi1*(ki1 - ki2)
    : peak |m| = 1 for a single i1 of 1: find where dm/dt = 0, then scale
    e = 0  i1 = 1  i2 = 0  m = 0
    bi2 = 1
    ai2 = bi2*(ki2 - km)
    a = bi2*bi1
    b = a*(ki2 - km)/(ki1 - km)
    tp = search()
    newstates(tp)
    bi2 = 1/mnew
    ai2 = bi2*(ki2 - km)
    a = bi2*bi1
    b = a*(ki2 - km)/(ki1 - km)
    newstates(tp)
    i1 = 0
}

FUNCTION deriv(d (ms)) (/ms2) {
    deriv = -km*(ki1 - ki2)*exp(-km*d) + ki2*(ki1 - km)*exp(-ki2*d) - ki1*(ki2 - km)*exp(-ki1*d)
}

FUNCTION search() (ms) {
    : bisection for the zero of deriv between two bounds
    : NEURON bisects until t2 - t1 <= 1e-6 (about 25 halvings in double); the cap of 100
    : only ends the loop in f32, where the interval cannot shrink below an ulp of t.
    LOCAL x, t1, t2, iter
    t1 = -log(ki1*(ki2 - km)/ki2/(ki1 - km))/(ki1 - ki2)
    if (deriv(t1) < 0) { t1 = log(ki1/ki2)/(ki1 - ki2) }
    t2 = log(km*(ki1 - ki2)/ki2/(ki1 - km))/(km - ki2)
    iter = 0
    while (t2 - t1 > 1e-6 && iter < 100) {
        iter = iter + 1
        search = (t1 + t2)/2
        x = deriv(search)
        if (x > 0) { t1 = search } else { t2 = search }
    }
}

INITIAL {
    factors()
    e = 0  i1 = 0  i2 = 0  m = 0
    t0 = t
    net_send(firetimebound(), 1)
    nself = 0  nexcite = 0  ninhibit = 0
}

NET_RECEIVE (w) {
    newstates(t - t0)
    update()
    if (m > 1 - eps) {
        net_event(t)
        m = 0
    }
    if (flag == 1) {
        nself = nself + 1
        net_send(firetimebound(), 1)
    } else {
        if (w > 0) {
            nexcite = nexcite + 1
            e = e + w
        } else {
            ninhibit = ninhibit + 1
            i1 = i1 + w
        }
        net_move(firetimebound() + t)
    }
}

FUNCTION firetimebound() (ms) {
    LOCAL slope
    slope = -km*m + ae*e + ai2*i2
    if (slope <= 1e-9) { firetimebound = 1e9 } else { firetimebound = (1 - m)/slope }
}
