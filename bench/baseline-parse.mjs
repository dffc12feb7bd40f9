// The benchmark's baseline: the least any scanner must do with the corpus. Reads every manifest file one by one and
// parses it with js-yaml 4 (`loadAll`) or `JSON.parse`; files the parser rejects are listed and skipped. Prints the
// counts as one JSON line on stdout. Plain JavaScript, so no TypeScript loader adds to the measured time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { objectsOf } from './objects.mjs';

const MANIFEST = /\.(ya?ml|json)$/;

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/baseline-parse.mjs DIR\n');
  process.exit(2);
}

const counts = { files: 0, bytes: 0, documents: 0, objects: 0, rejected: [] };
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && MANIFEST.test(entry.name))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();
for (const file of files) {
  const buffer = readFileSync(file);
  const text = buffer.toString('utf8');
  counts.files++;
  counts.bytes += buffer.length;
  let documents;
  try {
    documents = file.endsWith('.json') ? [JSON.parse(text)] : loadAll(text);
  } catch {
    counts.rejected.push(file);
    continue;
  }
  for (const document of documents) {
    if (document == null) continue;
    counts.documents++;
    counts.objects += objectsOf(document);
  }
}
process.stdout.write(`${JSON.stringify(counts)}\n`);
