/**
 * A small model of the Kubernetes fields kspm reads. Objects come from untrusted files, so every field is optional
 * and may hold a value of the wrong type: checks compare with === and read lists through `list()`.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
  managedFields?: unknown[];
}

export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface Capabilities { add?: unknown[]; drop?: unknown[] }
export interface SeccompProfile { type?: string; localhostProfile?: string }
export interface AppArmorProfile { type?: string; localhostProfile?: string }
export interface SELinuxOptions { type?: string; user?: string; role?: string; level?: string }
export interface WindowsOptions { hostProcess?: boolean }

export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  procMount?: string;
  capabilities?: Capabilities;
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  seLinuxOptions?: SELinuxOptions;
  windowsOptions?: WindowsOptions;
}

export interface PodSecurityContext extends SecurityContext {
  fsGroup?: number;
  supplementalGroups?: unknown[];
  sysctls?: unknown[];
}

export interface Probe {
  httpGet?: { host?: string; port?: unknown; path?: string };
  tcpSocket?: { host?: string; port?: unknown };
  exec?: unknown;
  grpc?: unknown;
}

export interface EnvVar { name?: string; value?: unknown; valueFrom?: unknown }

export interface Container {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  command?: unknown[];
  args?: unknown[];
  env?: unknown[];
  envFrom?: unknown[];
  ports?: unknown[];
  resources?: { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
  securityContext?: SecurityContext;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { postStart?: Probe; preStop?: Probe };
  volumeMounts?: unknown[];
  [field: string]: unknown;
}

export interface Volume { name?: string; hostPath?: { path?: string; type?: string }; [source: string]: unknown }

export interface PodSpec {
  containers?: unknown[];
  initContainers?: unknown[];
  ephemeralContainers?: unknown[];
  volumes?: unknown[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  hostUsers?: boolean;
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: PodSecurityContext;
  os?: { name?: string };
  [field: string]: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a list, or empty when it is absent or not a list. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as an object, or undefined when it is absent or not an object. */
export function record<T extends object = Record<string, unknown>>(value: unknown): T | undefined {
  return isRecord(value) ? (value as T) : undefined;
}
