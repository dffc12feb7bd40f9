/**
 * IPv4 and IPv6 blocks as numeric intervals, enough to tell whether an ipBlock (cidr minus except) admits an address,
 * or some address of the internet: anything outside the private, loopback, link-local and shared ranges.
 */
type Interval = readonly [bigint, bigint];

export interface Block {
  family: 4 | 6;
  interval: Interval;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256n + BigInt(Number(part));
  }
  return value;
}

function parseIPv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => '0'), ...tail];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) + BigInt(parseInt(group, 16));
  }
  return value;
}

/** `10.0.0.0/8` or `2001:db8::/32`; undefined when it is not a valid CIDR. */
export function parseCidr(text: string): Block | undefined {
  const [address = '', prefixText, ...rest] = text.split('/');
  if (prefixText === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const family = address.includes(':') ? 6 : 4;
  const bits = family === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  const value = family === 4 ? parseIPv4(address) : parseIPv6(address);
  if (value === undefined || prefix > bits) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const start = (value / size) * size;
  return { family, interval: [start, start + size - 1n] };
}

export function parseAddress(text: string): Block | undefined {
  return parseCidr(`${text}/${text.includes(':') ? 128 : 32}`);
}

function subtract(from: Interval[], cut: Interval): Interval[] {
  return from.flatMap(([low, high]) => {
    if (cut[1] < low || cut[0] > high) return [[low, high] as Interval];
    const out: Interval[] = [];
    if (cut[0] > low) out.push([low, cut[0] - 1n]);
    if (cut[1] < high) out.push([cut[1] + 1n, high]);
    return out;
  });
}

const NOT_INTERNET: Record<4 | 6, Block[]> = {
  4: ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3'].map((cidr) => parseCidr(cidr)!),
  6: ['::/8', 'fc00::/7', 'fe80::/10', 'ff00::/8'].map((cidr) => parseCidr(cidr)!),
};

/** The addresses an ipBlock admits: its cidr without its excepts (excepts of the other family are ignored). */
export function admitted(cidr: Block, excepts: readonly Block[]): Interval[] {
  return excepts.filter((except) => except.family === cidr.family).reduce((left, except) => subtract(left, except.interval), [cidr.interval] as Interval[]);
}

export function admitsAddress(cidr: Block, excepts: readonly Block[], address: Block): boolean {
  if (address.family !== cidr.family) return false;
  return admitted(cidr, excepts).some(([low, high]) => address.interval[0] >= low && address.interval[1] <= high);
}

/** Whether an ipBlock admits at least one address of the internet. */
export function admitsInternet(cidr: Block, excepts: readonly Block[]): boolean {
  const left = NOT_INTERNET[cidr.family].reduce((rest, reserved) => subtract(rest, reserved.interval), admitted(cidr, excepts));
  return left.length > 0;
}
