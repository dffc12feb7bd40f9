import control from './sysctls.js';
import { testControl } from '../testing.js';
import { container, deployment, pod, version } from './test-objects.js';

const withSysctls = (...names: string[]) => pod({ securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) }, containers: [container('app')] });

testControl(control, {
  valid: [
    { name: 'no sysctls', objects: pod({ containers: [container('app')] }) },
    { name: 'v1.0 safe set', objects: withSysctls('kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start'), options: version(0) },
    { name: 'ip_local_reserved_ports from v1.27', objects: withSysctls('net.ipv4.ip_local_reserved_ports'), options: version(27) },
    { name: 'tcp_keepalive_time from v1.29', objects: withSysctls('net.ipv4.tcp_keepalive_time'), options: version(29) },
    { name: 'tcp_rmem from v1.32', objects: withSysctls('net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'), options: version(32) },
    { name: 'tcp_notsent_lowat from v1.37', objects: withSysctls('net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'), options: version(37) },
    { name: 'sysctls not a list', objects: pod({ securityContext: { sysctls: 'kernel.msgmax' }, containers: [] }) },
  ],
  invalid: [
    {
      name: 'one violation per forbidden sysctl',
      objects: withSysctls('kernel.msgmax', 'net.ipv4.tcp_syncookies', 'vm.swappiness'),
      violations: [
        { path: 'spec.securityContext.sysctls[0].name', message: 'forbidden sysctls: kernel.msgmax' },
        { path: 'spec.securityContext.sysctls[2].name', message: 'vm.swappiness' },
      ],
    },
    { name: 'ip_local_reserved_ports before v1.27', objects: withSysctls('net.ipv4.ip_local_reserved_ports'), options: version(26), violations: [{ path: 'spec.securityContext.sysctls[0].name' }] },
    { name: 'tcp_fin_timeout before v1.29', objects: withSysctls('net.ipv4.tcp_fin_timeout'), options: version(28), violations: [{ path: 'spec.securityContext.sysctls[0].name' }] },
    { name: 'tcp_wmem before v1.32', objects: withSysctls('net.ipv4.tcp_wmem'), options: version(31), violations: [{ path: 'spec.securityContext.sysctls[0].name' }] },
    { name: 'tcp_notsent_lowat before v1.37', objects: withSysctls('net.ipv4.tcp_notsent_lowat'), options: version(36), violations: [{ path: 'spec.securityContext.sysctls[0].name' }] },
    {
      name: 'Deployment',
      objects: deployment({ securityContext: { sysctls: [{ name: 'kernel.sem', value: '1' }] }, containers: [container('app')] }),
      violations: [{ path: 'spec.template.spec.securityContext.sysctls[0].name' }],
    },
  ],
});
