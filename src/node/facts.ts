/**
 * What `kspm node` knows about one node: the files CIS names (mode and owner), the processes running (their command
 * lines) and the kubelet's configuration file. Gathered once (gather.ts); every check is a pure function of it.
 */
import type { PlatformProfile } from './platforms.js';

/** A file or directory as `stat` sees it, with owner names from the node's own passwd and group files. */
export interface PresentFile {
  path: string;
  exists: true;
  isDirectory: boolean;
  /** Permission bits only (`0o600`). */
  mode: number;
  uid: number;
  gid: number;
  /** Absent when the node's passwd / group file has no such id. */
  user?: string;
  group?: string;
}

export interface AbsentFile {
  path: string;
  exists: false;
}

export type FileFacts = PresentFile | AbsentFile;

export interface ProcessFacts {
  pid: number;
  argv: readonly string[];
  /** `ETCD_*` variables of an etcd process, which etcd reads as flags; nothing else of the environment is kept. */
  etcdEnv?: Readonly<Record<string, string>>;
}

export interface KubeletConfigFacts {
  /** The path the kubelet was given (`--config`), as the node sees it. */
  path: string;
  /** The parsed KubeletConfiguration; absent when the file is missing or unreadable. */
  config?: Readonly<Record<string, unknown>>;
  /** Why the file could not be used, naming it. */
  error?: string;
}

export interface NodeFacts {
  platform: PlatformProfile;
  /** Paths as the node sees them (not prefixed with `--root`). A path never looked at is not in the map. */
  files: ReadonlyMap<string, FileFacts>;
  /** The entries under each directory that was listed (recursively), as node paths. */
  listings: ReadonlyMap<string, readonly string[]>;
  processes: readonly ProcessFacts[];
  /** The kubelet's `--config` file, when the kubelet runs with one. */
  kubeletConfig?: KubeletConfigFacts;
}

export function fileAt(facts: NodeFacts, path: string): FileFacts {
  return facts.files.get(path) ?? { path, exists: false };
}
