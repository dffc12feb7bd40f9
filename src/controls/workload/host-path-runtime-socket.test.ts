import control from './host-path-runtime-socket.js';
import { testControl } from '../testing.js';
import { container, SPEC_PATH, workload, type WorkloadKind } from './fixtures.js';

const mounting = (path: unknown, kind: WorkloadKind = 'Pod') => workload(kind, { containers: [container()], volumes: [{ name: 'data', emptyDir: {} }, { name: 'host', hostPath: { path } }] });

testControl(control, {
  valid: [
    { name: 'no hostPath', objects: workload('Pod', { containers: [container()], volumes: [{ name: 'data', emptyDir: {} }] }) },
    { name: 'an ordinary node directory', objects: mounting('/mnt/data') },
    { name: 'sensitive but not a socket: another control', objects: mounting('/etc/kubernetes') },
    { name: 'a lookalike of /run', objects: mounting('/running') },
    { name: 'relative path', objects: mounting('var/run/docker.sock') },
    { name: 'path is not a string', objects: mounting(['/']) },
    { name: 'volumes is not a list', objects: workload('Pod', { containers: [container()], volumes: { hostPath: { path: '/' } } }) },
  ],
  invalid: [
    { name: 'docker socket in a DaemonSet', objects: mounting('/var/run/docker.sock', 'DaemonSet'), violations: [{ path: `${SPEC_PATH.DaemonSet}.volumes[1].hostPath.path`, message: 'volume "host" mounts the container runtime socket of the node' }] },
    { name: 'containerd socket', objects: mounting('/run/containerd/containerd.sock'), violations: [{ path: 'spec.volumes[1].hostPath.path' }] },
    { name: 'CRI-O socket through /var/run', objects: mounting('/var/run/crio/crio.sock', 'Deployment'), violations: [{ path: `${SPEC_PATH.Deployment}.volumes[1].hostPath.path` }] },
    { name: 'k3s containerd socket', objects: mounting('/run/k3s/containerd/containerd.sock'), violations: [{ path: 'spec.volumes[1].hostPath.path' }] },
    { name: 'the node root', objects: mounting('/', 'CronJob'), violations: [{ path: `${SPEC_PATH.CronJob}.volumes[1].hostPath.path`, message: 'root filesystem' }] },
    { name: 'the node root written oddly', objects: mounting('/etc/../'), violations: [{ path: 'spec.volumes[1].hostPath.path', message: 'root filesystem' }] },
    { name: 'trailing slash and dot segments', objects: mounting('/var//run/./docker.sock/'), violations: [{ path: 'spec.volumes[1].hostPath.path', message: 'runtime socket' }] },
    { name: 'a directory holding a socket', objects: mounting('/var/run'), violations: [{ path: 'spec.volumes[1].hostPath.path', message: 'holding the container runtime socket' }] },
    { name: 'escaping with ..', objects: mounting('/opt/../run/containerd'), violations: [{ path: 'spec.volumes[1].hostPath.path', message: 'containerd.sock' }] },
    { name: 'Windows docker pipe', objects: mounting('\\\\.\\pipe\\docker_engine'), violations: [{ path: 'spec.volumes[1].hostPath.path', message: 'named pipe' }] },
  ],
});
