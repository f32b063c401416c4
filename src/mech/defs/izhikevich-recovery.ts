// The cell-type-dependent recovery update of NetPyNE's Izhikevich (2007) mods, shared by
// Izhi2007a (on its own V) and Izhi2007b (on the section's v): u += delta*a*(b*(V - vr) - u);
// FS cells (5) use U(V) = 0.025*(V - d)^3 above d, TC (6) and RTN (7) cells switch b at -65 mV.
// `cube` is (V - d)^3 as each mod writes it (the two differ in rounding).

export function recoveryUpdate(V: string, cube: string): string {
  const recovery = `u = u + delta*a*(b*(${V} - vr) - u)`;
  return `
    if (celltype < 5) {
      ${recovery}
    } else {
      if (celltype == 5) {
        if (${V} < d) {
          u = u + delta*a*(0 - u)
        } else {
          u = u + delta*a*((0.025*${cube}) - u)
        }
      }
      if (celltype == 6) {
        if (${V} > -65) {
          b = 0
        } else {
          b = 15
        }
        ${recovery}
      }
      if (celltype == 7) {
        if (${V} > -65) {
          b = 2
        } else {
          b = 10
        }
        ${recovery}
      }
    }`;
}
