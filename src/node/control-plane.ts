/**
 * The API-side control-plane controls (CIS 1.2 to 1.4 and 2), judged on this node's running processes: each
 * kube-apiserver, kube-controller-manager, kube-scheduler or etcd command line becomes the Pod a static pod manifest
 * would describe, and the same controls judge it, so `kspm node` and `kspm scan` give the same verdicts under the
 * same ids.
 */
import type { NodeCheckResult } from '../compliance/types.js';
import { CONTROL_PLANE_CONTROLS } from '../controls/control-plane/index.js';
import type { ControlOptions } from '../controls/types.js';
import type { K8sObject } from '../model/k8s.js';
import type { ProcessFacts } from './facts.js';
import { programOf } from './processes.js';

const COMPONENTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'];

/** The Pod a static pod manifest for this process would be: its command line as the container's command. */
export function podOf(process: ProcessFacts, node: string): K8sObject {
  const program = programOf(process.argv);
  // hyperkube's own word is dropped so the command starts with the component, as the controls expect.
  const command = process.argv[0] !== undefined && process.argv[0].endsWith('hyperkube') ? process.argv.slice(1) : [...process.argv];
  const env = Object.entries(process.etcdEnv ?? {}).map(([name, value]) => ({ name, value }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${program}-${node}`, namespace: 'kube-system' },
    spec: { nodeName: node, containers: [{ name: program, command, ...(env.length > 0 ? { env } : {}) }] },
  };
}

/** One result per control that judges a control-plane process on this node; none when the node runs none. */
export function evaluateControlPlane(processes: readonly ProcessFacts[], node: string, options: ControlOptions): NodeCheckResult[] {
  const running = processes.filter((process) => COMPONENTS.includes(programOf(process.argv)));
  return running.flatMap((process) => {
    const pod = podOf(process, node);
    const location = `${programOf(process.argv)} (pid ${process.pid})`;
    return CONTROL_PLANE_CONTROLS.filter((control) => control.judges?.(pod) ?? true).map((control): NodeCheckResult => {
      const violations = control.check(pod, options);
      if (violations.length === 0) {
        return { checkId: control.meta.id, node, status: 'pass', expected: `not: ${control.meta.title}`, location, message: `${location}: meets it` };
      }
      return {
        checkId: control.meta.id,
        node,
        status: 'fail',
        found: violations.map((violation) => violation.found),
        expected: violations.map((violation) => violation.expected).join('; '),
        location,
        message: `${location}: ${violations.map((violation) => violation.message).join('; ')}`,
      };
    });
  });
}
