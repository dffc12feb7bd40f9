/** Version comparison keyed by OSV ecosystem name; each ecosystem follows its own published ordering rules. */
import * as apk from './apk.js';
import * as cran from './cran.js';
import * as dpkg from './dpkg.js';
import * as maven from './maven.js';
import * as nuget from './nuget.js';
import * as packagist from './packagist.js';
import * as pep440 from './pep440.js';
import * as rpm from './rpm.js';
import * as rubygems from './rubygems.js';
import * as semver from './semver.js';
import type { Comparison } from './types.js';

export type { Comparison } from './types.js';

type Comparator = (a: string, b: string) => Comparison;

const COMPARATORS = {
  Debian: dpkg.compare,
  Ubuntu: dpkg.compare,
  Alpine: apk.compare,
  'Red Hat': rpm.compare,
  'Rocky Linux': rpm.compare,
  AlmaLinux: rpm.compare,
  openSUSE: rpm.compare,
  SUSE: rpm.compare,
  PyPI: pep440.compare,
  npm: semver.compare,
  Go: semver.compare,
  'crates.io': semver.compare,
  Hex: semver.compare,
  Maven: maven.compare,
  RubyGems: rubygems.compare,
  NuGet: nuget.compare,
  Packagist: packagist.compare,
  CRAN: cran.compare,
} satisfies Record<string, Comparator>;

export type Ecosystem = keyof typeof COMPARATORS;

export const ECOSYSTEMS = Object.keys(COMPARATORS) as readonly Ecosystem[];

export function isSupportedEcosystem(name: string): name is Ecosystem {
  return Object.hasOwn(COMPARATORS, name);
}

/** Orders two versions of one ecosystem; throws on an unsupported ecosystem or a version its rules refuse. */
export function compareVersions(ecosystem: string, a: string, b: string): Comparison {
  if (!isSupportedEcosystem(ecosystem)) throw new Error(`no version comparison for ecosystem ${JSON.stringify(ecosystem)}`);
  return COMPARATORS[ecosystem](a, b);
}
