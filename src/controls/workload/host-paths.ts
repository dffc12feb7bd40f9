import { posix } from 'node:path';
import { podTemplateOf } from '../../inventory/pod-spec.js';
import { list, record, type PodSpec, type Volume } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';
import { defineControl, type ControlMeta, type ResourceControl } from '../types.js';

/** Container runtime API endpoints on the node (`/var/run` is folded into `/run`, which it links to). */
const RUNTIME_SOCKETS: readonly string[] = [
  '/run/docker.sock',
  '/run/dockershim.sock',
  '/run/cri-dockerd.sock',
  '/run/containerd/containerd.sock',
  '/run/k3s/containerd/containerd.sock',
  '/run/k0s/containerd.sock',
  '/run/crio/crio.sock',
  '/run/podman/podman.sock',
  '/run/buildkit/buildkitd.sock',
];

/** Named pipes through which Windows nodes expose their runtimes. */
const RUNTIME_PIPES: readonly string[] = ['\\\\.\\pipe\\docker_engine', '\\\\.\\pipe\\containerd-containerd'];

/** Node directories whose contents give credentials, control of the node or its processes, or cover for an intruder. */
const SENSITIVE_DIRECTORIES: Readonly<Record<string, string>> = {
  '/etc': 'node configuration, kubeconfigs and certificates',
  '/root': "root's home directory",
  '/home': 'user home directories',
  '/boot': 'the kernel and boot loader',
  '/proc': 'the processes and kernel settings of the node',
  '/sys': 'kernel and device settings',
  '/dev': 'node devices',
  '/run': 'runtime state and sockets of node daemons',
  '/var/log': 'node and pod logs',
  '/var/lib/kubelet': 'kubelet state, including the volumes and tokens of every pod',
  '/var/lib/docker': 'container images and filesystems',
  '/var/lib/containerd': 'container images and filesystems',
  '/var/lib/etcd': 'the cluster datastore',
};

export interface HostPathRisk {
  /** `runtime`: a way to control the node outright; `sensitive`: node data worth stealing or altering. */
  level: 'runtime' | 'sensitive';
  reason: string;
}

/** Absolute path with `.`, `..`, repeated and trailing slashes resolved; `/var/run` folded into `/run`. */
export function normalizeHostPath(path: string): string | undefined {
  const trimmed = path.trim();
  if (!trimmed.startsWith('/')) return undefined;
  let normal = posix.normalize(trimmed);
  if (normal.length > 1) normal = normal.replace(/\/+$/, '');
  if (normal === '/var/run' || normal.startsWith('/var/run/')) normal = `/run${normal.slice('/var/run'.length)}`;
  return normal;
}

/** `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  return inner === outer || outer === '/' || inner.startsWith(`${outer}/`);
}

/** How a mounted path relates to a sensitive directory, in words, or undefined when they do not overlap. */
function relation(path: string, directory: string): string | undefined {
  if (path === directory) return directory;
  if (within(path, directory)) return `a path below ${directory}`;
  if (within(directory, path)) return `a parent of ${directory}`;
  return undefined;
}

/** What mounting this node path exposes, or undefined when it is not known to be sensitive. */
export function hostPathRisk(path: string): HostPathRisk | undefined {
  if (RUNTIME_PIPES.includes(path.trim().toLowerCase())) return { level: 'runtime', reason: 'the container runtime named pipe of the node' };
  const normal = normalizeHostPath(path);
  if (normal === undefined) return undefined;
  if (normal === '/') return { level: 'runtime', reason: 'the root filesystem of the node' };
  const socket = RUNTIME_SOCKETS.find((candidate) => within(candidate, normal));
  if (socket === normal) return { level: 'runtime', reason: 'the container runtime socket of the node' };
  if (socket) return { level: 'runtime', reason: `a node directory holding the container runtime socket ${socket}` };
  for (const [directory, contents] of Object.entries(SENSITIVE_DIRECTORIES)) {
    const where = relation(normal, directory);
    if (where) return { level: 'sensitive', reason: `${where} (${contents})` };
  }
  return undefined;
}

export interface HostPathVolume {
  name: string;
  path: string;
  fieldPath: FieldPath;
}

/** The pod's hostPath volumes whose path is a string. */
export function hostPathVolumes(spec: PodSpec, specPath: FieldPath): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  list(spec.volumes).forEach((value, index) => {
    const volume = record<Volume>(value);
    const path = record(volume?.hostPath)?.path;
    if (typeof path !== 'string') return;
    out.push({ name: typeof volume?.name === 'string' ? volume.name : '?', path, fieldPath: [...specPath, 'volumes', index, 'hostPath', 'path'] });
  });
  return out;
}

/** A control flagging hostPath volumes of one risk level; `mounts` words what the volume mounts from the risk's reason. */
export function hostPathControl(meta: ControlMeta, level: HostPathRisk['level'], mounts: (reason: string) => string, expected: string): ResourceControl {
  return defineControl(meta, (object) => {
    const template = podTemplateOf(object);
    if (!template) return [];
    return hostPathVolumes(template.spec, template.specPath).flatMap((volume) => {
      const risk = hostPathRisk(volume.path);
      if (risk?.level !== level) return [];
      return [{ path: volume.fieldPath, message: `volume "${volume.name}" mounts ${mounts(risk.reason)}`, found: volume.path, expected }];
    });
  });
}
