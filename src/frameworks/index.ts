import type { Control } from '../controls/types.js';
import { pssControlIds } from '../controls/pss/index.js';

/**
 * A framework selects the controls that evaluate it. Pod Security levels are fixed lists; the others select every
 * control that names one of their requirements, so mapping a control to a framework is data on the control.
 */
export interface Framework {
  id: string;
  title: string;
  url?: string;
  selects(control: Control): boolean;
}

function byReference(framework: string) {
  return (control: Control) => control.meta.frameworks.some((ref) => ref.framework === framework);
}

function byLevel(level: 'baseline' | 'restricted') {
  let ids: Set<string> | undefined;
  return (control: Control) => (ids ??= new Set(pssControlIds(level))).has(control.meta.id);
}

export const FRAMEWORKS: readonly Framework[] = [
  { id: 'all', title: 'All kspm controls', selects: () => true },
  {
    id: 'pss-baseline',
    title: 'Pod Security Standards: Baseline',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    selects: byLevel('baseline'),
  },
  {
    id: 'pss-restricted',
    title: 'Pod Security Standards: Restricted',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
    selects: byLevel('restricted'),
  },
  {
    id: 'cis',
    title: 'CIS Kubernetes Benchmark v1.12 (control plane 1.2-1.4, etcd 2, policies 5)',
    url: 'https://www.cisecurity.org/benchmark/kubernetes',
    selects: byReference('cis'),
  },
  {
    id: 'nsa',
    title: 'NSA-CISA Kubernetes Hardening Guide v1.2',
    url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
    selects: byReference('nsa'),
  },
  {
    id: 'mitre',
    title: 'MITRE ATT&CK for Containers',
    url: 'https://attack.mitre.org/matrices/enterprise/containers/',
    selects: byReference('mitre'),
  },
];

export const FRAMEWORK_IDS: readonly string[] = FRAMEWORKS.map((framework) => framework.id);

export function frameworkById(id: string): Framework | undefined {
  return FRAMEWORKS.find((framework) => framework.id === id);
}
