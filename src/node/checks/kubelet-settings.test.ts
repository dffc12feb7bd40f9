/**
 * The 4.2 kubelet checks against kube-bench's tests (cfg/cis-1.12/node.yaml) for the same inputs, and the cases where
 * kspm judges the value the kubelet actually runs with instead (docs/node-checks.md).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NodeFacts } from '../facts.js';
import { PLATFORMS } from '../platforms.js';
import { isZeroDuration, KUBELET_CHECKS } from './kubelet-settings.js';

function facts(flags: string[], config?: Record<string, unknown>): NodeFacts {
  return {
    platform: PLATFORMS.kubeadm,
    files: new Map(),
    listings: new Map(),
    processes: [{ pid: 10, argv: ['/usr/bin/kubelet', ...(config ? ['--config=/var/lib/kubelet/config.yaml'] : []), ...flags] }],
    ...(config ? { kubeletConfig: { path: '/var/lib/kubelet/config.yaml', config } } : {}),
  };
}

const status = (cis: string, input: NodeFacts) => {
  const check = KUBELET_CHECKS.find((candidate) => candidate.cis === cis);
  assert.ok(check, `check ${cis} exists`);
  return check.evaluate(input).status;
};

describe('kubelet checks agree with kube-bench where the setting is given', () => {
  const cases: [cis: string, flags: string[], config: Record<string, unknown> | undefined, expected: 'pass' | 'fail'][] = [
    ['4.2.1', ['--anonymous-auth=false'], undefined, 'pass'],
    ['4.2.1', ['--anonymous-auth=true'], undefined, 'fail'],
    ['4.2.1', [], { authentication: { anonymous: { enabled: true } } }, 'fail'],
    ['4.2.1', ['--anonymous-auth=true'], { authentication: { anonymous: { enabled: false } } }, 'fail'],
    ['4.2.2', ['--authorization-mode=AlwaysAllow'], undefined, 'fail'],
    ['4.2.2', [], { authorization: { mode: 'Webhook' } }, 'pass'],
    ['4.2.3', ['--client-ca-file=/etc/kubernetes/pki/ca.crt'], undefined, 'pass'],
    ['4.2.3', [], {}, 'fail'],
    ['4.2.4', ['--read-only-port=0'], undefined, 'pass'],
    ['4.2.4', [], { readOnlyPort: 10255 }, 'fail'],
    ['4.2.5', ['--streaming-connection-idle-timeout=0'], undefined, 'fail'],
    ['4.2.5', [], { streamingConnectionIdleTimeout: '5m' }, 'pass'],
    ['4.2.5', [], {}, 'pass'],
    ['4.2.6', ['--make-iptables-util-chains=false'], undefined, 'fail'],
    ['4.2.6', [], {}, 'pass'],
    ['4.2.7', ['--hostname-override=node-a'], undefined, 'fail'],
    ['4.2.7', [], {}, 'pass'],
    ['4.2.8', ['--event-qps=0'], undefined, 'pass'],
    ['4.2.8', [], { eventRecordQPS: -1 }, 'fail'],
    ['4.2.9', ['--tls-cert-file=/a.crt', '--tls-private-key-file=/a.key'], undefined, 'pass'],
    ['4.2.9', ['--tls-cert-file=/a.crt'], undefined, 'fail'],
    ['4.2.10', ['--rotate-certificates=false'], undefined, 'fail'],
    ['4.2.10', [], { rotateCertificates: true }, 'pass'],
    ['4.2.11', ['--feature-gates=RotateKubeletServerCertificate=false'], undefined, 'fail'],
    ['4.2.11', [], { featureGates: { RotateKubeletServerCertificate: true } }, 'pass'],
    ['4.2.11', ['--feature-gates=RotateKubeletServerCertificate=false'], { featureGates: { RotateKubeletServerCertificate: true } }, 'fail'],
    ['4.2.11', [], {}, 'pass'],
    ['4.2.12', ['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA'], undefined, 'fail'],
    ['4.2.12', [], { tlsCipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] }, 'pass'],
    ['4.2.12', [], {}, 'fail'],
    ['4.2.13', ['--pod-max-pids=4096'], undefined, 'pass'],
    ['4.2.13', [], {}, 'fail'],
    ['4.2.14', [], { seccompDefault: true }, 'pass'],
    ['4.2.14', [], {}, 'fail'],
  ];
  for (const [cis, flags, config, expected] of cases) {
    it(`${cis}: ${[...flags, config ? JSON.stringify(config) : 'no config file'].join(' ')} -> ${expected}`, () => {
      assert.equal(status(cis, facts(flags, config)), expected);
    });
  }
});

describe('where kspm judges the running value and kube-bench the text', () => {
  it('4.2.1, 4.2.2, 4.2.4: with a config file the kubelet defaults to anonymous off, Webhook and port 0', () => {
    for (const cis of ['4.2.1', '4.2.2', '4.2.4']) assert.equal(status(cis, facts([], {})), 'pass', cis);
  });
  it('4.2.1, 4.2.2, 4.2.4: without one it keeps its legacy defaults (anonymous on, AlwaysAllow, port 10255)', () => {
    for (const cis of ['4.2.1', '4.2.2', '4.2.4']) assert.equal(status(cis, facts([])), 'fail', cis);
  });
  it('4.2.5: a zero duration written as 0s is still zero', () => {
    assert.equal(status('4.2.5', facts(['--streaming-connection-idle-timeout=0s'])), 'fail');
    assert.ok(isZeroDuration('0h0m0s') && !isZeroDuration('4h0m0s') && !isZeroDuration('1ms'));
  });
  it('4.2.9: serverTLSBootstrap gives a cluster-signed serving certificate', () => {
    assert.equal(status('4.2.9', facts([], { serverTLSBootstrap: true })), 'pass');
  });
  it('4.2.10: unset means no rotation (the kubelet default is false)', () => {
    assert.equal(status('4.2.10', facts([], {})), 'fail');
  });
  it('4.2.13 and 4.2.14: -1 is no limit, and seccompDefault false is not set to true', () => {
    assert.equal(status('4.2.13', facts([], { podPidsLimit: -1 })), 'fail');
    assert.equal(status('4.2.14', facts(['--seccomp-default=false'])), 'fail');
  });
  it('no kubelet process: every kubelet check is not applicable', () => {
    const none: NodeFacts = { ...facts([]), processes: [] };
    for (const check of KUBELET_CHECKS) assert.equal(check.evaluate(none).status, 'not-applicable', check.cis);
  });
});
