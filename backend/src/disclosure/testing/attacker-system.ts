/**
 * The disclosure attacker's arithmetic (rounding-attacker*.spec.ts): true numbers as variables with the
 * ranges their published rounded figures allow, the relations a reader knows as equations, and ranges
 * narrowed through the equations until nothing changes.
 */

/** A linear system: variables with ranges, equations Σ coef·var = 0. */
export class System {
  lo: number[] = [];
  hi: number[] = [];
  equations: Array<Array<[number, number]>> = [];
  variable(lo = 0, hi = Infinity): number {
    this.lo.push(lo);
    this.hi.push(hi);
    return this.lo.length - 1;
  }
  /** Σ plus − Σ minus = 0 (a variable named twice counts twice). */
  equal(plus: number[], minus: number[]): void {
    const coefficients = new Map<number, number>();
    for (const v of plus) coefficients.set(v, (coefficients.get(v) ?? 0) + 1);
    for (const v of minus) coefficients.set(v, (coefficients.get(v) ?? 0) - 1);
    this.equations.push([...coefficients].filter(([, a]) => a !== 0));
  }
  narrow(): void {
    for (let changed = true, rounds = 0; changed && rounds < 500; rounds++) {
      changed = false;
      for (const eq of this.equations) {
        for (const [v, a] of eq) {
          // a·v = −Σ others
          let low = 0;
          let high = 0;
          for (const [w, b] of eq) {
            if (w === v) continue;
            const [l, h] = b > 0 ? [-b * this.hi[w], -b * this.lo[w]] : [-b * this.lo[w], -b * this.hi[w]];
            low += l;
            high += h;
          }
          // a·v lies in [low, high].
          const [vl, vh] = a > 0 ? [low / a, high / a] : [high / a, low / a];
          // Whole numbers; the nudge keeps float noise (36 ÷ 3) from moving a bound.
          const [newLo, newHi] = [Math.ceil(vl - 1e-9), Math.floor(vh + 1e-9)];
          if (newLo > this.lo[v]) {
            this.lo[v] = newLo;
            changed = true;
          }
          if (newHi < this.hi[v]) {
            this.hi[v] = newHi;
            changed = true;
          }
        }
      }
    }
  }
  pinnedSmall(v: number): boolean {
    return this.lo[v] === this.hi[v] && this.lo[v] >= 1 && this.lo[v] <= 4;
  }
}
