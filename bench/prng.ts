/** A small seeded PRNG (mulberry32): the same seed gives the same organisation, questions and submissions. */
export class Slump {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** [0, 1) */
  tal(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** an integer in [min, max] */
  heltal(min: number, max: number): number {
    return min + Math.floor(this.tal() * (max - min + 1));
  }

  val<T>(lista: readonly T[]): T {
    return lista[Math.floor(this.tal() * lista.length)];
  }

  chans(p: number): boolean {
    return this.tal() < p;
  }

  /** roughly normal, mean 0 and standard deviation 1 */
  normal(): number {
    return (this.tal() + this.tal() + this.tal() + this.tal() + this.tal() + this.tal() - 3) / Math.SQRT1_2;
  }

  blanda<T>(lista: T[]): T[] {
    for (let i = lista.length - 1; i > 0; i--) {
      const j = Math.floor(this.tal() * (i + 1));
      [lista[i], lista[j]] = [lista[j], lista[i]];
    }
    return lista;
  }

  /** a GUID-shaped id, for Teams users (aadObjectId) */
  guid(): string {
    const hex = () =>
      Math.floor(this.tal() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
  }
}
