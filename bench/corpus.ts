/**
 * The benchmark corpus: N copies of the shared k8s-manifests-corpus under `.bench/corpus/copy-{1..N}/`, made of hard
 * links where the file system allows (copies otherwise) and reused across runs while the source is unchanged.
 *
 * kspm, like most linters, does not descend into hidden folders, and three quarters of the corpus's objects sit in
 * kyverno's `.chainsaw-test` and `.kyverno-test` folders. The copies give those folders visible names (`_chainsaw-test`)
 * so that the scan, like the baseline, reads every manifest; file contents are untouched.
 */
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

const MANIFEST = /\.(ya?ml|json)$/;

export interface CorpusFiles {
  /** Paths relative to the corpus root, sorted. */
  paths: string[];
  bytes: number;
}

/**
 * The manifest files of a corpus. Files at the root (summary.json, the TSV indexes) describe the corpus and are not
 * part of it; every manifest sits in a source folder.
 */
export async function corpusFiles(root: string): Promise<CorpusFiles> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && MANIFEST.test(entry.name) && entry.parentPath !== root)
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
  let bytes = 0;
  for (const path of paths) bytes += (await stat(join(root, path))).size;
  return { paths, bytes };
}

/** What a finished copy records, so a later run can tell whether it still mirrors the source. */
interface CopyStamp {
  source: string;
  files: number;
  bytes: number;
  /** How paths are mapped into a copy; a change here rebuilds old copies. */
  layout: typeof LAYOUT;
}

const LAYOUT = 'hidden folders made visible';

const copyFolder = (target: string, index: number) => join(target, `copy-${index}`);

/** Where a corpus file goes inside a copy: hidden folders (`.name`) become visible (`_name`). */
export function copyPath(path: string): string {
  const parts = path.split(sep);
  return parts.map((part, index) => (index < parts.length - 1 && part.startsWith('.') ? `_${part.slice(1)}` : part)).join(sep);
}
/** Stamps live beside the copies, not inside the scanned tree. */
const stampFile = (target: string, index: number) => join(dirname(target), `${basename(target)}-copy-${index}.json`);

async function readStamp(path: string): Promise<CopyStamp | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CopyStamp;
  } catch {
    return undefined;
  }
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Another file system, or hard links refused (protected_hardlinks, some mounts): fall back to a copy.
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    await copyFile(from, to);
  }
}

export interface BuiltCorpus {
  /** The folder holding every copy: the path to scan. */
  root: string;
  copies: number;
  /** Per copy. */
  files: number;
  bytes: number;
  /** Copies that had to be (re)built in this run. */
  built: number;
}

/** Makes `target/copy-1..copies` mirror `source`, reusing copies whose stamp matches and removing surplus copies. */
export async function buildCopies(source: string, target: string, copies: number): Promise<BuiltCorpus> {
  const files = await corpusFiles(source);
  const targets = files.paths.map((path) => ({ from: path, to: copyPath(path) }));
  if (new Set(targets.map(({ to }) => to)).size !== targets.length) throw new Error(`${source}: renaming hidden folders would make two files collide`);
  const wanted: CopyStamp = { source, files: files.paths.length, bytes: files.bytes, layout: LAYOUT };
  await mkdir(target, { recursive: true });
  let built = 0;
  for (let index = 1; index <= copies; index++) {
    const folder = copyFolder(target, index);
    const stamp = await readStamp(stampFile(target, index));
    const current = stamp?.source === wanted.source && stamp.files === wanted.files && stamp.bytes === wanted.bytes && stamp.layout === wanted.layout;
    if (current && existsSync(folder)) continue;
    await rm(stampFile(target, index), { force: true });
    await rm(folder, { recursive: true, force: true });
    const folders = new Set(targets.map(({ to }) => dirname(join(folder, to))));
    for (const path of folders) await mkdir(path, { recursive: true });
    for (const { from, to } of targets) await linkOrCopy(join(source, from), join(folder, to));
    await writeFile(stampFile(target, index), `${JSON.stringify(wanted)}\n`);
    built++;
  }
  for (const entry of await readdir(target)) {
    const match = /^copy-(\d+)$/.exec(entry);
    if (match && Number(match[1]) > copies) {
      await rm(join(target, entry), { recursive: true, force: true });
      await rm(stampFile(target, Number(match[1])), { force: true });
    }
  }
  return { root: target, copies, files: files.paths.length, bytes: files.bytes, built };
}
