: spikegpu built-in: integrate-and-fire artificial cell driven by a decaying synaptic
: current, as NEURON's intfire2.mod.
:   taus*di/dt + i = ib      (an input of weight w adds w to i)
:   taum*dm/dt + m = i       (m crossing 1 fires; then m = 0)
: Requires taum < taus (INITIAL makes taus = taum + 0.1 otherwise). Both equations are solved
: exactly at events; the next firing time solves 1 = a + b*x^r + c*x (x = exp(-t/taum),
: r = taum/taus) by Newton's method and is kept in a single flag-1 self-event that each
: input moves with net_move.
: The simulator compiles this file (src/nmodl, src/mech/builtins.ts).

NEURON {
    ARTIFICIAL_CELL IntFire2
    RANGE taus, taum, ib, i, m
}

PARAMETER {
    taus = 20 (ms)
    taum = 10 (ms)
    ib = 0
}

ASSIGNED { i m t0 (ms) }

INITIAL {
    i = ib
    m = 0
    if (taus <= taum) { taus = taum + .1 }
    t0 = t
    net_send(firetime(ib, 0, 0), 1)
}

NET_RECEIVE (w) {
    LOCAL x, inew, f, ibf
    f = taus/(taus - taum)
    x = (i - ib)*exp(-(t - t0)/taus)
    inew = ib + x
    if (flag == 1) {
        net_event(t)
        m = 0
        ibf = (inew - ib)*f
        net_send(firetime(ib, ibf, 0), 1)
    } else {
        m = ib + f*x + (m - (ib + (i - ib)*f))*exp(-(t - t0)/taum)
        inew = inew + w
        if (m >= 1) {
            net_move(t)
        } else {
            ibf = (inew - ib)*f
            net_move(firetime(ib, ibf, m) + t)
        }
    }
    t0 = t
    i = inew
}

FUNCTION firetime(a, b, c) (ms) {
    LOCAL r, cab, x, m, f
    r = taum/taus
    if (a <= 1 && a + b <= 1) {
        firetime = 1e9
    } else if (a > 1 && b <= 0) {
        cab = c - a - b
        m = r*b + cab
        if (m >= 0) {
            firetime = -taus*log(newton1(a, cab, b, 1/r, 0))
        } else {
            x = (1 - c + m)/m
            if (x <= 0) {
                firetime = -taus*log(newton1(a, cab, b, 1/r, 0))
            } else {
                firetime = -taum*log(newton1(a, b, cab, r, x))
            }
        }
    } else {
        cab = c - a - b
        x = (-cab/(r*b))^(1/(r - 1))
        f = a + b*x^r + cab*x
        if (x >= 1 || f <= 1) {
            firetime = 1e9
        } else {
            m = r*b + cab
            x = (1 - c + m)/m
            firetime = -taum*log(newton1(a, b, cab, r, x))
        }
    }
}

FUNCTION newton1(a, b, c, r, x) {
    : solves 1 = a + b*x^r + c*x from x, staying in 0 < x <= 1, at most 11 iterations
    LOCAL dx, f, df, iter
    dx = 1
    f = 0
    iter = 0
    while (fabs(dx) > 1e-6 || fabs(f - 1) > 1e-6) {
        f = a + b*x^r + c*x
        df = r*b*x^(r - 1) + c
        dx = (1 - f)/df
        x = x + dx
        if (x <= 0) { x = 1e-4 } else if (x > 1) { x = 1 }
        iter = iter + 1
        if (iter > 10) { f = 1  dx = 0 }
    }
    newton1 = x
}
