import control from './host-path-sensitive.js';
import { testControl } from '../testing.js';
import { container, SPEC_PATH, workload, type WorkloadKind } from './fixtures.js';

const mounting = (path: unknown, kind: WorkloadKind = 'Pod') => workload(kind, { containers: [container()], volumes: [{ name: 'host', hostPath: { path, type: 'Directory' } }] });

testControl(control, {
  valid: [
    { name: 'an ordinary node directory', objects: mounting('/mnt/disks/ssd0') },
    { name: 'runtime sockets are the other control', objects: mounting('/var/run/docker.sock') },
    { name: 'the node root is the other control', objects: mounting('/') },
    { name: 'a lookalike of /etc', objects: mounting('/etcetera') },
    { name: 'hostPath is not an object', objects: workload('Pod', { containers: [container()], volumes: [{ name: 'x', hostPath: '/etc' }, null] }) },
  ],
  invalid: [
    { name: '/etc in a DaemonSet', objects: mounting('/etc', 'DaemonSet'), violations: [{ path: `${SPEC_PATH.DaemonSet}.volumes[0].hostPath.path`, message: 'volume "host" mounts the node\'s /etc' }] },
    { name: 'below /etc', objects: mounting('/etc/kubernetes/pki'), violations: [{ path: 'spec.volumes[0].hostPath.path', message: 'a path below /etc' }] },
    { name: 'kubelet state with a trailing slash', objects: mounting('/var/lib/kubelet/', 'Deployment'), violations: [{ path: `${SPEC_PATH.Deployment}.volumes[0].hostPath.path`, message: '/var/lib/kubelet (' }] },
    { name: 'a parent of a sensitive directory', objects: mounting('/var/lib'), violations: [{ path: 'spec.volumes[0].hostPath.path', message: 'a parent of /var/lib/kubelet' }] },
    { name: 'escaping with ..', objects: mounting('/data/../proc'), violations: [{ path: 'spec.volumes[0].hostPath.path', message: '/proc' }] },
    { name: 'logs in a Job', objects: mounting('/var/log', 'Job'), violations: [{ path: `${SPEC_PATH.Job}.volumes[0].hostPath.path` }] },
    { name: 'a file under /run', objects: mounting('/run/xtables.lock'), violations: [{ path: 'spec.volumes[0].hostPath.path', message: 'below /run' }] },
    { name: 'devices, root home, boot and sys', objects: workload('Pod', { containers: [container()], volumes: ['/dev', '/root', '/boot', '/sys/fs/bpf'].map((path, i) => ({ name: `v${i}`, hostPath: { path } })) }), violations: [0, 1, 2, 3].map((i) => ({ path: `spec.volumes[${i}].hostPath.path` })) },
  ],
});
