/**
 * Reads a node's facts from a file system root (`/`, or a host mounted at `/host`): processes from ROOT/proc, files
 * stat'ed under ROOT with owner names from ROOT/etc/passwd and ROOT/etc/group, and the kubelet's `--config` file.
 * Absolute symlinks are resolved inside ROOT, as the node would resolve them, never on the machine running kspm.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { isRecord } from '../model/k8s.js';
import type { FileFacts, KubeletConfigFacts, NodeFacts, ProcessFacts } from './facts.js';
import { detectPlatform, PLATFORMS, type PlatformId } from './platforms.js';
import { flagsOf, processOf, programOf } from './processes.js';
import { wantedPaths } from './targets.js';

const MAX_LINKS = 40;
const MAX_LISTED = 20_000;

/** The real location under ROOT of a node path, following symlinks inside ROOT; undefined when it does not exist. */
export function resolveUnderRoot(root: string, nodePath: string): string | undefined {
  const pending = posix.normalize(nodePath).split('/').filter(Boolean);
  const resolved: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    const candidate = join(root, ...resolved, part);
    let stats: Stats;
    try {
      stats = lstatSync(candidate);
    } catch {
      return undefined;
    }
    if (!stats.isSymbolicLink()) {
      resolved.push(part);
      continue;
    }
    if (++links > MAX_LINKS) return undefined;
    const target = readlinkSync(candidate);
    if (target.startsWith('/')) resolved.length = 0;
    pending.unshift(...target.split('/').filter((segment) => segment !== '' && segment !== '.'));
  }
  return join(root, ...resolved);
}

/** `name:x:id:...` lines of a passwd or group file, by id. */
function idNames(root: string, file: string): Map<number, string> {
  const names = new Map<number, string>();
  let text = '';
  try {
    text = readFileSync(join(root, 'etc', file), 'utf8');
  } catch {
    return names;
  }
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':');
    if (name && id !== undefined && /^\d+$/.test(id) && !names.has(Number(id))) names.set(Number(id), name);
  }
  return names;
}

export function readProcesses(root: string): ProcessFacts[] {
  let entries: string[];
  try {
    entries = readdirSync(join(root, 'proc'));
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry): ProcessFacts[] => {
      try {
        const argv = readFileSync(join(root, 'proc', entry, 'cmdline'), 'utf8').split('\0');
        if (argv.at(-1) === '') argv.pop();
        if (argv.length === 0) return [];
        const process: ProcessFacts = { pid: Number(entry), argv };
        return [programOf(argv) === 'etcd' ? { ...process, etcdEnv: etcdEnvironment(root, entry) } : process];
      } catch {
        return []; // a process that ended while being read, or one whose command line may not be read
      }
    })
    .sort((a, b) => a.pid - b.pid);
}

/** Only etcd's own `ETCD_*` variables are kept: the rest of a process's environment may hold secrets. */
function etcdEnvironment(root: string, pid: string): Record<string, string> {
  try {
    const variables = readFileSync(join(root, 'proc', pid, 'environ'), 'utf8').split('\0');
    return Object.fromEntries(
      variables.filter((variable) => variable.startsWith('ETCD_')).map((variable) => [variable.slice(0, variable.indexOf('=')), variable.slice(variable.indexOf('=') + 1)]),
    );
  } catch {
    return {};
  }
}

class FileReader {
  readonly files = new Map<string, FileFacts>();
  private readonly users: Map<number, string>;
  private readonly groups: Map<number, string>;

  constructor(private readonly root: string) {
    this.users = idNames(root, 'passwd');
    this.groups = idNames(root, 'group');
  }

  stat(path: string): FileFacts {
    const known = this.files.get(path);
    if (known) return known;
    const real = resolveUnderRoot(this.root, path);
    let facts: FileFacts = { path, exists: false };
    if (real !== undefined) {
      try {
        const stats = statSync(real);
        facts = {
          path,
          exists: true,
          isDirectory: stats.isDirectory(),
          mode: stats.mode & 0o7777,
          uid: stats.uid,
          gid: stats.gid,
          ...(this.users.has(stats.uid) ? { user: this.users.get(stats.uid) } : {}),
          ...(this.groups.has(stats.gid) ? { group: this.groups.get(stats.gid) } : {}),
        };
      } catch {
        // gone between resolving and stat'ing: absent
      }
    }
    this.files.set(path, facts);
    return facts;
  }

  /** Every entry under a directory, recursively, each stat'ed; symlinked directories are not descended into. */
  list(dir: string): string[] {
    const found: string[] = [];
    const walk = (nodeDir: string) => {
      const real = resolveUnderRoot(this.root, nodeDir);
      if (real === undefined) return;
      let names: string[];
      try {
        names = readdirSync(real).sort();
      } catch {
        return;
      }
      for (const name of names) {
        if (found.length >= MAX_LISTED) return;
        const path = posix.join(nodeDir, name);
        found.push(path);
        const file = this.stat(path);
        let isLink = false;
        try {
          isLink = lstatSync(join(real, name)).isSymbolicLink();
        } catch {
          // vanished
        }
        if (file.exists && file.isDirectory && !isLink) walk(path);
      }
    };
    if (this.stat(dir).exists) walk(dir);
    return found;
  }
}

function readKubeletConfig(root: string, path: string): KubeletConfigFacts {
  const real = resolveUnderRoot(root, path);
  if (real === undefined) return { path, error: `kubelet config file ${path} does not exist` };
  try {
    const parsed: unknown = parse(readFileSync(real, 'utf8'));
    return isRecord(parsed) ? { path, config: parsed } : { path, error: `kubelet config file ${path} is not a KubeletConfiguration object` };
  } catch (error) {
    return { path, error: `kubelet config file ${path} cannot be read: ${(error as Error).message.split('\n')[0]}` };
  }
}

export interface GatherOptions {
  /** The node's file system root (default `/`). */
  root: string;
  /** The platform; detected from the node when absent. */
  platform?: PlatformId;
}

export function gatherFacts(options: GatherOptions): NodeFacts {
  const { root } = options;
  const processes = readProcesses(root);
  const kubelet = processOf(processes, 'kubelet');
  const configPath = kubelet && flagsOf(kubelet).get('--config')?.value;
  const kubeletConfig = configPath ? readKubeletConfig(root, configPath) : undefined;
  const platformId =
    options.platform ??
    detectPlatform({ exists: (path) => resolveUnderRoot(root, path) !== undefined, programs: processes.map((process) => programOf(process.argv)) });
  const platform = PLATFORMS[platformId];
  const reader = new FileReader(root);
  const wanted = wantedPaths(platform, processes, kubeletConfig?.config);
  for (const path of wanted.stat) reader.stat(path);
  const listings = new Map(wanted.list.map((dir) => [dir, reader.list(dir)] as const));
  return { platform, files: reader.files, listings, processes, ...(kubeletConfig ? { kubeletConfig } : {}) };
}

/** The node's name: its /etc/hostname under ROOT, or this machine's when ROOT is `/`. */
export function nodeNameOf(root: string): string {
  try {
    const name = readFileSync(join(root, 'etc', 'hostname'), 'utf8').trim();
    if (name) return name;
  } catch {
    // no hostname file
  }
  return posix.resolve(root) === '/' ? hostname() : 'unknown';
}
