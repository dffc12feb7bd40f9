/**
 * Which file each check looks at on this node: the path a running process names (the kubelet's `--kubeconfig`,
 * etcd's `--data-dir`) when it names one, otherwise the platform's usual places. Pure over the facts; `wantedPaths`
 * tells gathering which paths to stat before the facts exist.
 */
import type { Flags } from '../controls/control-plane/flags.js';
import { isRecord } from '../model/k8s.js';
import { fileAt, type NodeFacts, type ProcessFacts } from './facts.js';
import type { PlatformProfile } from './platforms.js';
import { flagsOf, processOf } from './processes.js';

interface FlagPaths {
  kubeletKubeconfig?: string;
  kubeletConfig?: string;
  kubeletCaFile?: string;
  kubeletCniDir?: string;
  etcdDataDir?: string;
  proxyKubeconfig?: string;
}

const flagValue = (flags: Flags | undefined, name: string) => {
  const value = flags?.get(name)?.value;
  return value ? value : undefined;
};

function flagPaths(processes: readonly ProcessFacts[], kubeletConfig: Readonly<Record<string, unknown>> | undefined): FlagPaths {
  const kubelet = processOf(processes, 'kubelet');
  const kubeletFlags = kubelet && flagsOf(kubelet);
  const etcd = processOf(processes, 'etcd');
  const proxy = processOf(processes, 'kube-proxy');
  const x509 = isRecord(kubeletConfig?.authentication) && isRecord(kubeletConfig.authentication.x509) ? kubeletConfig.authentication.x509 : undefined;
  return {
    kubeletKubeconfig: flagValue(kubeletFlags, '--kubeconfig'),
    kubeletConfig: flagValue(kubeletFlags, '--config'),
    kubeletCaFile: flagValue(kubeletFlags, '--client-ca-file') ?? (typeof x509?.clientCAFile === 'string' && x509.clientCAFile ? x509.clientCAFile : undefined),
    kubeletCniDir: flagValue(kubeletFlags, '--cni-conf-dir'),
    etcdDataDir: flagValue(etcd && flagsOf(etcd), '--data-dir') ?? etcd?.etcdEnv?.ETCD_DATA_DIR,
    proxyKubeconfig: flagValue(proxy && flagsOf(proxy), '--kubeconfig'),
  };
}

/** The paths the checks may look at, to stat, and the directories whose contents they judge, to list. */
export function wantedPaths(
  profile: PlatformProfile,
  processes: readonly ProcessFacts[],
  kubeletConfig?: Readonly<Record<string, unknown>>,
): { stat: string[]; list: string[] } {
  const fromFlags = Object.values(flagPaths(processes, kubeletConfig)).filter((path): path is string => path !== undefined);
  const list = [...profile.pkiDirs, ...profile.cniDirs];
  const cniDir = flagPaths(processes, kubeletConfig).kubeletCniDir;
  if (cniDir) list.push(cniDir);
  const all = [
    ...Object.values(profile.manifests).flat(), ...profile.etcdDataDirs, ...profile.adminKubeconfigs, ...profile.schedulerKubeconfigs,
    ...profile.controllerManagerKubeconfigs, ...profile.kubeletServices, ...profile.kubeletKubeconfigs, ...profile.kubeletConfigs,
    ...profile.kubeletCaFiles, ...profile.proxyKubeconfigs, ...fromFlags, ...list,
  ];
  return { stat: [...new Set(all)], list: [...new Set(list)] };
}

/** The first path that exists, preferring the one a process names. */
function firstPresent(facts: NodeFacts, named: string | undefined, candidates: readonly string[]): string | undefined {
  return [...(named ? [named] : []), ...candidates].find((path) => fileAt(facts, path).exists);
}

/** Everything under the directories (recursively), the directories themselves included when `withDirs`. */
function entriesUnder(facts: NodeFacts, dirs: readonly string[], withDirs: boolean): string[] {
  return dirs
    .filter((dir) => fileAt(facts, dir).exists)
    .flatMap((dir) => [...(withDirs ? [dir] : []), ...(facts.listings.get(dir) ?? [])])
    .filter((path) => {
      const file = fileAt(facts, path);
      return file.exists && (withDirs || !file.isDirectory);
    });
}

export interface NodeTargets {
  apiserverManifest?: string;
  controllerManagerManifest?: string;
  schedulerManifest?: string;
  etcdManifest?: string;
  cniFiles: string[];
  etcdDataDir?: string;
  adminKubeconfigs: string[];
  schedulerKubeconfig?: string;
  controllerManagerKubeconfig?: string;
  /** The PKI directories and everything in them. */
  pkiEntries: string[];
  kubeletService?: string;
  proxyKubeconfig?: string;
  kubeletKubeconfig?: string;
  kubeletCaFile?: string;
  kubeletConfig?: string;
}

export function targetsOf(facts: NodeFacts): NodeTargets {
  const profile = facts.platform;
  const named = flagPaths(facts.processes, facts.kubeletConfig?.config);
  const pick = (candidates: readonly string[], flag?: string) => firstPresent(facts, flag, candidates);
  return {
    apiserverManifest: pick(profile.manifests.apiserver),
    controllerManagerManifest: pick(profile.manifests.controllerManager),
    schedulerManifest: pick(profile.manifests.scheduler),
    etcdManifest: pick(profile.manifests.etcd),
    cniFiles: entriesUnder(facts, [...profile.cniDirs, ...(named.kubeletCniDir ? [named.kubeletCniDir] : [])], false).filter(
      (path) => !path.endsWith('/lock'),
    ),
    etcdDataDir: pick(profile.etcdDataDirs, named.etcdDataDir),
    adminKubeconfigs: profile.adminKubeconfigs.filter((path) => fileAt(facts, path).exists),
    schedulerKubeconfig: pick(profile.schedulerKubeconfigs),
    controllerManagerKubeconfig: pick(profile.controllerManagerKubeconfigs),
    pkiEntries: entriesUnder(facts, profile.pkiDirs, true),
    kubeletService: pick(profile.kubeletServices),
    proxyKubeconfig: pick(profile.proxyKubeconfigs, named.proxyKubeconfig),
    kubeletKubeconfig: pick(profile.kubeletKubeconfigs, named.kubeletKubeconfig),
    kubeletCaFile: pick(profile.kubeletCaFiles, named.kubeletCaFile),
    kubeletConfig: pick(profile.kubeletConfigs, named.kubeletConfig),
  };
}
