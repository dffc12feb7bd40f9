/** Exposure as people read it (one block per workload) and as JSON. */
import { isInternetFacing } from './lookup.js';
import type { ObjectRef, WorkloadExposure } from './model.js';

const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
const describeObject = (ref: ObjectRef): string => `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;

export function exposureTable(exposed: readonly WorkloadExposure[]): string {
  if (exposed.length === 0) return 'No workload is reachable from outside the cluster through a Service, Ingress, Gateway or the host network.\n';
  const internet = exposed.filter(isInternetFacing).length;
  const blocks = exposed.map((entry) => {
    const ways = entry.exposures.map((exposure) => {
      const tls = exposure.tls === undefined ? '' : exposure.tls ? ', TLS' : ', no TLS';
      const scope = exposure.internal ? ' [internal load balancer]' : '';
      return `    ${exposure.via}${tls}${scope}: ${printable(exposure.detail)}`;
    });
    return `${printable(describeObject(entry.workload))}${isInternetFacing(entry) ? '' : ' (internal only)'}\n${ways.join('\n')}`;
  });
  return `${exposed.length} workload${exposed.length === 1 ? '' : 's'} reachable from outside the cluster (${internet} from the internet)\n\n${blocks.join('\n\n')}\n`;
}

export function exposureJson(exposed: readonly WorkloadExposure[]): string {
  return `${JSON.stringify({ workloads: exposed.map((entry) => ({ ...entry, internetFacing: isInternetFacing(entry) })) }, null, 2)}\n`;
}
