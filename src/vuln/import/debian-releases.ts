/**
 * Debian release codenames → the release number osv.dev puts in `Debian:<n>`: the major number from etch (4) on,
 * the dotted number before it (3.1 sarge, 3.0 woody). `sid` and `experimental` are not releases an image runs as a
 * numbered version, so they have none.
 */
const RELEASES: Record<string, string> = {
  buzz: '1.1', rex: '1.2', bo: '1.3', hamm: '2.0', slink: '2.1', potato: '2.2', woody: '3.0', sarge: '3.1',
  etch: '4', lenny: '5', squeeze: '6', wheezy: '7', jessie: '8', stretch: '9', buster: '10', bullseye: '11',
  bookworm: '12', trixie: '13', forky: '14', duke: '15',
};

const UNNUMBERED = new Set(['sid', 'experimental']);

export type DebianRelease = { number: string } | { unnumbered: true } | { unknown: true };

export function debianRelease(codename: string): DebianRelease {
  const name = codename.toLowerCase();
  const number = RELEASES[name];
  if (number !== undefined) return { number };
  return UNNUMBERED.has(name) ? { unnumbered: true } : { unknown: true };
}
