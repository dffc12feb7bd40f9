import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from 'js-yaml';
import type { K8sObject } from '../../model/k8s.js';
import { ETCD, KUBE_APISERVER, KUBE_SCHEDULER, invocationsOf } from './component.js';
import { KUBEADM_FLAGS, staticPod } from './testing.js';

const pod = (...containers: unknown[]): K8sObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'kube-system' }, spec: { containers } });

const flagValues = (object: K8sObject, component = KUBE_APISERVER) =>
  invocationsOf(object, component).map(({ flags }) => Object.fromEntries([...flags].map(([name, { value }]) => [name, value])));

describe('invocationsOf', () => {
  it('finds kubeadm\'s static pod and reads its flags', () => {
    const [invocation, ...others] = invocationsOf(load(staticPod('kube-apiserver', KUBEADM_FLAGS['kube-apiserver'])) as K8sObject, KUBE_APISERVER);
    assert.equal(others.length, 0);
    assert.deepEqual(invocation!.commandPath, ['spec', 'containers', 0, 'command']);
    assert.equal(invocation!.flags.get('--authorization-mode')?.value, 'Node,RBAC');
    assert.deepEqual(invocation!.flags.get('--authorization-mode')?.path, ['spec', 'containers', 0, 'command', 3]);
  });

  it('recognises the binary by its file name, in any directory', () => {
    assert.equal(flagValues(pod({ command: ['/usr/local/bin/kube-apiserver', '--profiling=false'] })).length, 1);
    assert.equal(flagValues(pod({ command: ['kube-apiserver-wrapper', '--profiling=false'] })).length, 0);
  });

  it('reads command followed by args, pointing into each', () => {
    const [invocation] = invocationsOf(pod({ command: ['kube-apiserver', '--profiling=true'], args: ['--v=2', '--profiling=false'] }), KUBE_APISERVER);
    assert.deepEqual(invocation!.flags.get('--profiling'), { value: 'false', path: ['spec', 'containers', 0, 'args', 1] });
    assert.deepEqual(invocation!.commandPath, ['spec', 'containers', 0, 'command']);
  });

  it('reads a command line written in args alone, and points missing flags at args', () => {
    const [invocation] = invocationsOf(pod({ args: ['kube-scheduler', '--bind-address=127.0.0.1'] }), KUBE_SCHEDULER);
    assert.deepEqual(invocation!.commandPath, ['spec', 'containers', 0, 'args']);
    assert.deepEqual(invocation!.flags.get('--bind-address')?.path, ['spec', 'containers', 0, 'args', 1]);
  });

  it('looks past the go-runner launcher and its own flags', () => {
    const object = pod({ command: ['/go-runner', '--log-file=/var/log/kube-apiserver.log', '--also-stdout=false', '/usr/local/bin/kube-apiserver', '--v=2', '--profiling=false'] });
    assert.deepEqual(flagValues(object), [{ '--v': '2', '--profiling': 'false' }]);
    assert.deepEqual(flagValues(pod({ command: ['/go-runner', '--log-file=/x.log', '/usr/local/bin/kube-scheduler'] })), []);
  });

  it('does not judge a pod by its name, labels or namespace', () => {
    const impostor: K8sObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'kube-apiserver-cp-1', namespace: 'kube-system', labels: { component: 'kube-apiserver', tier: 'control-plane' } },
      spec: { containers: [{ name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.33.2', command: ['sh', '-c', 'exec kube-apiserver --profiling=true'] }] },
    };
    assert.deepEqual(invocationsOf(impostor, KUBE_APISERVER), []);
  });

  it('does not take a component named as an argument for the component', () => {
    assert.deepEqual(flagValues(pod({ command: ['etcdctl', '--endpoints=https://127.0.0.1:2379', 'etcd'] }), ETCD), []);
    assert.deepEqual(flagValues(pod({ command: ['backup', 'etcd', '--cert-file=/x'] }), ETCD), []);
  });

  it('judges every container that runs the component, and no other kind than Pod', () => {
    const sidecar = { name: 'log', command: ['fluent-bit'] };
    const apiserver = { name: 'apiserver', command: ['kube-apiserver'] };
    assert.deepEqual(invocationsOf(pod(sidecar, apiserver), KUBE_APISERVER).map(({ commandPath }) => commandPath[2]), [1]);
    const deployment: K8sObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { containers: [apiserver] } };
    assert.deepEqual(invocationsOf(deployment, KUBE_APISERVER), []);
  });

  it('survives malformed pods', () => {
    for (const spec of [undefined, null, 'x', { containers: 'x' }, { containers: [null, 7, { command: 'kube-apiserver' }, { command: [7, 'kube-apiserver'] }] }]) {
      assert.deepEqual(invocationsOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec }, KUBE_APISERVER), []);
    }
  });
});

describe('invocationsOf etcd', () => {
  it('reads ETCD_* environment variables with literal values as flags, the command line taking precedence', () => {
    const object = pod({
      command: ['etcd', '--auto-tls=false'],
      env: [
        { name: 'ETCD_CLIENT_CERT_AUTH', value: 'true' },
        { name: 'ETCD_AUTO_TLS', value: 'true' },
        { name: 'ETCD_PEER_CLIENT_CERT_AUTH', valueFrom: { configMapKeyRef: { name: 'etcd', key: 'peer' } } },
        { name: 'GOMAXPROCS', value: '2' },
      ],
    });
    const [invocation] = invocationsOf(object, ETCD);
    assert.deepEqual(invocation!.flags.get('--client-cert-auth'), { value: 'true', path: ['spec', 'containers', 0, 'env', 0, 'value'] });
    assert.equal(invocation!.flags.get('--auto-tls')?.value, 'false');
    assert.equal(invocation!.flags.has('--peer-client-cert-auth'), false);
    assert.deepEqual([...invocation!.flags.keys()].sort(), ['--auto-tls', '--client-cert-auth']);
  });

  it('does not judge an etcd that reads a configuration file instead of its flags', () => {
    assert.deepEqual(invocationsOf(pod({ command: ['etcd', '--config-file=/etc/etcd/etcd.conf.yml'] }), ETCD), []);
    assert.deepEqual(invocationsOf(pod({ command: ['etcd'], env: [{ name: 'ETCD_CONFIG_FILE', value: '/etc/etcd/etcd.conf.yml' }] }), ETCD), []);
  });

  it('reads no environment for the Kubernetes binaries', () => {
    const [invocation] = invocationsOf(pod({ command: ['kube-apiserver'], env: [{ name: 'ETCD_CLIENT_CERT_AUTH', value: 'true' }] }), KUBE_APISERVER);
    assert.equal(invocation!.flags.size, 0);
  });
});
