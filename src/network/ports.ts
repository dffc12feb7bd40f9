/**
 * Sets of ports per protocol, as unions of inclusive ranges: what a side of a connection allows. `ALL_PORTS` is every
 * port of every protocol, which is what a pod no policy isolates accepts.
 */
export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export type Range = readonly [number, number];

export type PortSet = Readonly<Record<Protocol, readonly Range[]>>;

const FULL: readonly Range[] = [[1, 65535]];

export const NO_PORTS: PortSet = { TCP: [], UDP: [], SCTP: [] };
export const ALL_PORTS: PortSet = { TCP: FULL, UDP: FULL, SCTP: FULL };

export function isProtocol(value: unknown): value is Protocol {
  return typeof value === 'string' && (PROTOCOLS as readonly string[]).includes(value);
}

function normalise(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter(([low, high]) => low <= high).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = out[out.length - 1];
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else out.push([low, high]);
  }
  return out;
}

export function portSet(protocol: Protocol, ranges: readonly Range[]): PortSet {
  return { ...NO_PORTS, [protocol]: normalise(ranges) };
}

export function union(a: PortSet, b: PortSet): PortSet {
  return { TCP: normalise([...a.TCP, ...b.TCP]), UDP: normalise([...a.UDP, ...b.UDP]), SCTP: normalise([...a.SCTP, ...b.SCTP]) };
}

function intersectRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const [lowA, highA] of a) {
    for (const [lowB, highB] of b) {
      const low = Math.max(lowA, lowB);
      const high = Math.min(highA, highB);
      if (low <= high) out.push([low, high]);
    }
  }
  return normalise(out);
}

export function intersect(a: PortSet, b: PortSet): PortSet {
  return { TCP: intersectRanges(a.TCP, b.TCP), UDP: intersectRanges(a.UDP, b.UDP), SCTP: intersectRanges(a.SCTP, b.SCTP) };
}

export function isEmpty(set: PortSet): boolean {
  return PROTOCOLS.every((protocol) => set[protocol].length === 0);
}

export function contains(set: PortSet, protocol: Protocol, port: number): boolean {
  return set[protocol].some(([low, high]) => port >= low && port <= high);
}

/** `all ports`, or `TCP 80, 443, 8000-8080; UDP 53`. */
export function describePorts(set: PortSet): string {
  if (PROTOCOLS.every((protocol) => set[protocol].length === 1 && set[protocol][0]![0] === 1 && set[protocol][0]![1] === 65535)) return 'all ports';
  const parts = PROTOCOLS.flatMap((protocol) => {
    const ranges = set[protocol];
    if (ranges.length === 0) return [];
    if (ranges.length === 1 && ranges[0]![0] === 1 && ranges[0]![1] === 65535) return [`${protocol} all`];
    return [`${protocol} ${ranges.map(([low, high]) => (low === high ? String(low) : `${low}-${high}`)).join(', ')}`];
  });
  return parts.length === 0 ? 'no ports' : parts.join('; ');
}
