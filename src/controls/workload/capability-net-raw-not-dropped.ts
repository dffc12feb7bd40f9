import { checkContainers } from '../containers.js';
import { defineControl } from '../types.js';
import { capabilityEntries } from './capabilities.js';
import { containerName, LINUX_PODS } from './pod-helpers.js';

export default defineControl(
  {
    id: 'capability-net-raw-not-dropped',
    title: 'Container keeps the NET_RAW capability',
    severity: 'medium',
    category: 'Workload',
    description:
      'Flags containers (init and ephemeral included) that add `NET_RAW`, or do not drop `NET_RAW` or `ALL`; container runtimes grant NET_RAW by default.',
    rationale:
      'NET_RAW lets a process forge packets: ARP and DNS spoofing of neighbouring pods and ICMP-based attacks on the node, none of which an ordinary service needs.',
    remediation: 'Add `securityContext: {capabilities: {drop: ["ALL"]}}` to each container, adding back only what it needs (never NET_RAW).',
    frameworks: [
      { framework: 'cis', id: '5.2.8' },
      { framework: 'cis', id: '5.2.9' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1557' },
    ],
    appliesTo: 'workloads',
  },
  (object) =>
    checkContainers(
      object,
      ({ container, path }) => {
        const capabilitiesPath = [...path, 'securityContext', 'capabilities'];
        const added = capabilityEntries(container, 'add').find((entry) => entry.name === 'NET_RAW');
        if (added) {
          return [
            {
              path: [...capabilitiesPath, 'add', added.index],
              message: `container "${containerName(container)}" adds NET_RAW`,
              found: 'NET_RAW',
              expected: 'NET_RAW not added',
            },
          ];
        }
        const dropped = capabilityEntries(container, 'drop').map((entry) => entry.name);
        if (dropped.includes('ALL') || dropped.includes('NET_RAW')) return [];
        return [
          {
            path: [...capabilitiesPath, 'drop'],
            message: `container "${containerName(container)}" does not drop NET_RAW`,
            found: dropped.length === 0 ? 'nothing dropped' : dropped,
            expected: 'drop contains ALL or NET_RAW',
          },
        ];
      },
      LINUX_PODS,
    ),
);
