/** Unique references for the elements of one document. */
export class RefAllocator {
  private readonly used = new Set<string>();

  /** `preferred` if unused, else `preferred#qualifier`, else `preferred#qualifier-2`, `-3`, ... */
  take(preferred: string, qualifier: string): string {
    if (!this.used.has(preferred)) return this.claim(preferred);
    return this.numbered(`${preferred}#${qualifier}`);
  }

  /** `preferred` if unused, else `preferred-2`, `preferred-3`, ... */
  numbered(preferred: string): string {
    let candidate = preferred;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${preferred}-${n}`;
    return this.claim(candidate);
  }

  private claim(ref: string): string {
    this.used.add(ref);
    return ref;
  }
}
