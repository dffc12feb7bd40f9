import { addedCapabilityControl } from './capabilities.js';

/** Capabilities that open a way to the node or to other workloads, with what they allow. SYS_ADMIN and NET_RAW have their own controls. */
const DANGEROUS: Readonly<Record<string, string>> = {
  ALL: 'every capability',
  SYS_PTRACE: 'tracing and injecting into other processes',
  SYS_MODULE: 'loading kernel modules',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_BOOT: 'rebooting the node and loading new kernels',
  SYS_TIME: 'setting the node clock',
  NET_ADMIN: 'reconfiguring interfaces, routes and firewall rules',
  BPF: 'loading eBPF programs into the kernel',
  PERFMON: 'kernel performance monitoring that leaks data across processes',
  DAC_READ_SEARCH: 'reading any file by handle, bypassing permissions (the "shocker" escape)',
  MAC_ADMIN: 'changing the AppArmor or SELinux policy',
  MAC_OVERRIDE: 'bypassing the AppArmor or SELinux policy',
  SYSLOG: 'reading kernel logs that expose kernel addresses',
};

export default addedCapabilityControl(
  {
    id: 'capability-dangerous',
    title: 'Container adds a dangerous capability',
    severity: 'high',
    category: 'Workload',
    description: `Flags containers (init and ephemeral included) that add any of ${Object.keys(DANGEROUS).join(', ')}.`,
    rationale:
      'Each of these capabilities gives a container power over the kernel, the node network or other processes, turning a compromised container into a compromised node.',
    remediation: 'Remove the capability from `securityContext.capabilities.add`; start from `drop: ["ALL"]` and add back only narrow ones such as NET_BIND_SERVICE.',
    frameworks: [
      { framework: 'cis', id: '5.2.9' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
    appliesTo: 'workloads',
  },
  (name) => {
    const power = DANGEROUS[name];
    return power === undefined ? undefined : { what: `${name} (${power})`, expected: `none of ${Object.keys(DANGEROUS).join(', ')}` };
  },
);
