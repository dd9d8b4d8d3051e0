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
  /** Σ plus − Σ minus = 0. */
  equal(plus: number[], minus: number[]): void {
    this.equations.push([...plus.map((v): [number, number] => [v, 1]), ...minus.map((v): [number, number] => [v, -1])]);
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
            const [l, h] = b > 0 ? [-this.hi[w], -this.lo[w]] : [this.lo[w], this.hi[w]];
            low += l;
            high += h;
          }
          const [vl, vh] = a > 0 ? [low, high] : [-high, -low];
          if (vl > this.lo[v]) {
            this.lo[v] = Math.ceil(vl);
            changed = true;
          }
          if (vh < this.hi[v]) {
            this.hi[v] = Math.floor(vh);
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
