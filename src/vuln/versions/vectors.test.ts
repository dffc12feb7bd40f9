/**
 * Every comparison line of the OSV version vectors (osv-scalibr semantic testdata and osv.dev's Packagist cases),
 * checked in both directions for each supported ecosystem.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedData } from '../../../test/helpers/shared.js';
import { compareVersions, type Ecosystem } from './index.js';

const VECTOR_FILES: Partial<Record<Ecosystem, string[]>> = {
  npm: ['osv-scalibr/testdata/semver-versions.txt'],
  Debian: ['osv-scalibr/testdata/debian-versions.txt', 'osv-scalibr/testdata/debian-versions-generated.txt'],
  PyPI: ['osv-scalibr/testdata/pypi-versions.txt', 'osv-scalibr/testdata/pypi-versions-generated.txt'],
  'Red Hat': ['osv-scalibr/testdata/redhat-versions.txt'],
  Alpine: ['osv-scalibr/testdata/alpine-versions.txt', 'osv-scalibr/testdata/alpine-versions-generated.txt'],
  Maven: ['osv-scalibr/testdata/maven-versions.txt', 'osv-scalibr/testdata/maven-versions-generated.txt'],
  RubyGems: ['osv-scalibr/testdata/rubygems-versions.txt', 'osv-scalibr/testdata/rubygems-versions-generated.txt'],
  NuGet: ['osv-scalibr/testdata/nuget-versions.txt'],
  Packagist: [
    'osv-scalibr/testdata/packagist-versions.txt',
    'osv-scalibr/testdata/packagist-versions-generated.txt',
    'osv.dev/testdata/packagist_test_cases.txt',
  ],
  CRAN: ['osv-scalibr/testdata/cran-versions.txt', 'osv-scalibr/testdata/cran-versions-generated.txt'],
};

const EXPECTED = { '<': -1, '=': 0, '>': 1 } as const;

interface Vector {
  line: string;
  a: string;
  b: string;
  expected: -1 | 0 | 1;
}

function readVectors(path: string): Vector[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('# ') && !line.startsWith('// '))
    .map((line) => {
      const match = /^(.+) ([<=>]) (.+)$/.exec(line);
      if (!match) throw new Error(`unreadable vector line: ${line}`);
      return { line, a: match[1]!, b: match[3]!, expected: EXPECTED[match[2] as keyof typeof EXPECTED] };
    });
}

function mismatches(ecosystem: Ecosystem, vectors: Vector[]): string[] {
  const failures: string[] = [];
  for (const { line, a, b, expected } of vectors) {
    try {
      const forward = compareVersions(ecosystem, a, b);
      const backward = compareVersions(ecosystem, b, a);
      if (forward !== expected || backward !== -expected) failures.push(`${line} (got ${forward}, reversed ${backward})`);
    } catch (error) {
      failures.push(`${line} (threw ${(error as Error).message})`);
    }
  }
  return failures;
}

const root = sharedData('osv-semantic-versions');

describe('OSV version vectors', { skip: root === undefined ? 'shared osv-semantic-versions data absent' : false }, () => {
  for (const [ecosystem, files] of Object.entries(VECTOR_FILES) as [Ecosystem, string[]][]) {
    const vectors = files.flatMap((file) => readVectors(join(root!, file)));
    it(`${ecosystem}: all ${vectors.length} vectors hold in both directions`, () => {
      assert.ok(vectors.length > 0);
      assert.deepEqual(mismatches(ecosystem, vectors).slice(0, 20), []);
    });
  }
});
