import { record, type K8sObject } from '../model/k8s.js';
import type { PodSecurityLabels } from './model.js';
import { ownText, withoutUndefined } from './values.js';

const PSA_LABEL_PREFIX = 'pod-security.kubernetes.io/';

/** The Pod Security Admission levels a Namespace is labelled with (enforce, audit, warn), as written. */
export function podSecurityOf(namespace: K8sObject): PodSecurityLabels {
  const labels = record(record(namespace.metadata)?.labels) ?? {};
  return withoutUndefined<PodSecurityLabels>({
    enforce: ownText(labels[`${PSA_LABEL_PREFIX}enforce`]),
    audit: ownText(labels[`${PSA_LABEL_PREFIX}audit`]),
    warn: ownText(labels[`${PSA_LABEL_PREFIX}warn`]),
  });
}
