import type { ResourceControl } from '../types.js';
import imageMutableTag from '../images/mutable-tag.js';
import imagePullPolicyNotAlways from '../images/pull-policy-not-always.js';
import imageRegistryNotAllowed from '../images/registry-not-allowed.js';
import configmapSecretLike from '../secrets/configmap-secret-like.js';
import secretLiteralArgs from '../secrets/literal-args.js';
import secretLiteralEnv from '../secrets/literal-env.js';
import secretManifestData from '../secrets/manifest-data.js';
import secretsAsEnv from '../secrets/as-env.js';
import capabilityDangerous from './capability-dangerous.js';
import capabilityNetRawNotDropped from './capability-net-raw-not-dropped.js';
import capabilitySysAdmin from './capability-sys-admin.js';
import containerGidLow from './container-gid-low.js';
import containerUidLow from './container-uid-low.js';
import containerWritableRootFs from './container-writable-root-fs.js';
import hostPathRuntimeSocket from './host-path-runtime-socket.js';
import hostPathSensitive from './host-path-sensitive.js';
import podShareProcessNamespace from './pod-share-process-namespace.js';
import probesMissingLiveness from './probes-missing-liveness.js';
import probesMissingReadiness from './probes-missing-readiness.js';
import resourcesMissingEphemeralStorage from './resources-missing-ephemeral-storage.js';
import resourcesMissingLimits from './resources-missing-limits.js';
import resourcesMissingRequests from './resources-missing-requests.js';
import saTokenAutomount from './sa-token-automount.js';
import workloadDefaultNamespace from './workload-default-namespace.js';
import workloadDefaultServiceAccount from './workload-default-service-account.js';
import workloadSingleReplica from './workload-single-replica.js';

/** The workload, image and secret controls (everything beyond Pod Security Standards that reads one resource), by id. */
export const WORKLOAD_CONTROLS: readonly ResourceControl[] = [
  capabilityDangerous,
  capabilityNetRawNotDropped,
  capabilitySysAdmin,
  configmapSecretLike,
  containerGidLow,
  containerUidLow,
  containerWritableRootFs,
  hostPathRuntimeSocket,
  hostPathSensitive,
  imageMutableTag,
  imagePullPolicyNotAlways,
  imageRegistryNotAllowed,
  podShareProcessNamespace,
  probesMissingLiveness,
  probesMissingReadiness,
  resourcesMissingEphemeralStorage,
  resourcesMissingLimits,
  resourcesMissingRequests,
  saTokenAutomount,
  secretLiteralArgs,
  secretLiteralEnv,
  secretManifestData,
  secretsAsEnv,
  workloadDefaultNamespace,
  workloadDefaultServiceAccount,
  workloadSingleReplica,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
