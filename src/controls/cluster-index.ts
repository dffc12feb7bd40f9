import apiDeprecated from './api/api-deprecated.js';
import apiDeprecatedInUse from './api/deprecated-in-use.js';
import apiRemoved from './api/api-removed.js';
import clusterVersionUnsupported from './cluster/version-unsupported.js';
import ingressNoTls from './exposure/ingress-no-tls.js';
import { imageCriticalVulnerabilities, imageHighVulnerabilities } from './images/known-vulnerabilities.js';
import serviceExternalIps from './exposure/service-external-ips.js';
import serviceExternalname from './exposure/service-externalname.js';
import serviceLoadbalancerPublic from './exposure/service-loadbalancer-public.js';
import serviceLoadbalancer from './exposure/service-loadbalancer.js';
import serviceNodeport from './exposure/service-nodeport.js';
import namespaceNoPssEnforce from './namespace/no-pss-enforce.js';
import namespacePssPrivileged from './namespace/pss-privileged.js';
import netpolAllowAllEgress from './network/allow-all-egress.js';
import netpolAllowAllIngress from './network/allow-all-ingress.js';
import netpolNamespaceMissing from './network/namespace-missing.js';
import netpolExposedReachesSensitive from './network/exposed-reaches-sensitive.js';
import netpolInternetEgressSensitive from './network/internet-egress-sensitive.js';
import netpolNoDefaultDeny from './network/no-default-deny.js';
import netpolSelectsNothing from './network/selects-nothing.js';
import netpolWorkloadUnselected from './network/workload-unselected.js';
import rbacAnonymousBinding from './rbac/anonymous-binding.js';
import rbacClusterAdminBinding from './rbac/cluster-admin-binding.js';
import rbacCreateWorkloads from './rbac/create-workloads.js';
import rbacCsrApprove from './rbac/csr-approve.js';
import rbacCsrSign from './rbac/csr-sign.js';
import rbacDefaultSaBinding from './rbac/default-sa-binding.js';
import rbacEscalateBind from './rbac/escalate-bind.js';
import rbacImpersonate from './rbac/impersonate.js';
import rbacNodesProxy from './rbac/nodes-proxy.js';
import rbacPodsExec from './rbac/pods-exec.js';
import rbacPvCreate from './rbac/pv-create.js';
import saDefaultAutomount from './rbac/sa-default-automount.js';
import rbacSaTokenCreate from './rbac/sa-token-create.js';
import rbacSecretsRead from './rbac/secrets-read.js';
import rbacWebhookConfigWrite from './rbac/webhook-config-write.js';
import rbacWildcardResources from './rbac/wildcard-resources.js';
import rbacWildcardVerbs from './rbac/wildcard-verbs.js';
import type { Control } from './types.js';

/** The exposure, network, namespace, RBAC and API-lifecycle controls, sorted by id. */
export const CLUSTER_CONTROLS: readonly Control[] = [
  apiDeprecated,
  apiDeprecatedInUse,
  apiRemoved,
  clusterVersionUnsupported,
  imageCriticalVulnerabilities,
  imageHighVulnerabilities,
  ingressNoTls,
  namespaceNoPssEnforce,
  namespacePssPrivileged,
  netpolAllowAllEgress,
  netpolAllowAllIngress,
  netpolExposedReachesSensitive,
  netpolInternetEgressSensitive,
  netpolNamespaceMissing,
  netpolNoDefaultDeny,
  netpolSelectsNothing,
  netpolWorkloadUnselected,
  rbacAnonymousBinding,
  rbacClusterAdminBinding,
  rbacCreateWorkloads,
  rbacCsrApprove,
  rbacCsrSign,
  rbacDefaultSaBinding,
  rbacEscalateBind,
  rbacImpersonate,
  rbacNodesProxy,
  rbacPodsExec,
  rbacPvCreate,
  rbacSaTokenCreate,
  rbacSecretsRead,
  rbacWebhookConfigWrite,
  rbacWildcardResources,
  rbacWildcardVerbs,
  saDefaultAutomount,
  serviceExternalIps,
  serviceExternalname,
  serviceLoadbalancer,
  serviceLoadbalancerPublic,
  serviceNodeport,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
