/**
 * A seeded pseudo-random source (mulberry32) with the draws an estate generator needs: the same seed gives the same
 * sequence on every machine, so a generated cluster is the same from one benchmark run to the next.
 */
const HEX = '0123456789abcdef';
/** The alphabet Kubernetes uses for generated name suffixes and pod-template hashes: no vowels, no look-alikes. */
const NAME_SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(choices: readonly T[]): T {
    if (choices.length === 0) throw new RangeError('pick from an empty list');
    return choices[Math.floor(this.next() * choices.length)]!;
  }

  private chars(alphabet: string, length: number): string {
    let text = '';
    for (let index = 0; index < length; index++) text += alphabet[Math.floor(this.next() * alphabet.length)];
    return text;
  }

  hex(length: number): string {
    return this.chars(HEX, length);
  }

  /** A suffix as the API server's generateName or a controller's hash makes it. */
  nameSuffix(length: number): string {
    return this.chars(NAME_SUFFIX, length);
  }

  /** A version 4 UUID, as metadata.uid. */
  uuid(): string {
    const hex = this.hex(32);
    const variant = HEX[8 + Math.floor(this.next() * 4)];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
