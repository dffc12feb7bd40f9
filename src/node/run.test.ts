/**
 * The node checks on fixture host trees: a hardened kubeadm control-plane node passes every check it has the files
 * for, each weakening fails exactly the checks about it, and EKS and GKE nodes are read at their own paths.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import type { NodeCheckResult } from '../compliance/types.js';
import { LATEST_PSS_VERSION } from '../controls/pss/version.js';
import { NODE_CHECKS } from './checks/index.js';
import { buildHost, canChown, hardenedKubeadmNode, HARDENED_KUBELET_CONFIG, KUBELET_ARGV, KUBELET_PID, type HostSpec } from './host-fixtures.js';
import { gatherFacts } from './gather.js';
import { runNodeChecks } from './run.js';

const OPTIONS = { pssVersion: LATEST_PSS_VERSION, kubernetesVersion: '1.35', allowedRegistries: [], now: new Date('2026-11-27T00:00:00Z') };

function run(spec: HostSpec, platform?: 'eks' | 'gke' | 'kubeadm'): { results: NodeCheckResult[]; platform: string } {
  const host = buildHost(spec);
  try {
    const facts = gatherFacts({ root: host.root, ...(platform ? { platform } : {}) });
    return { results: runNodeChecks(facts, 'n1', OPTIONS), platform: facts.platform.id };
  } finally {
    host.cleanup();
  }
}

const nodeChecks = (results: NodeCheckResult[]) => results.filter((result) => result.checkId.startsWith('node-cis-'));
const withStatus = (results: NodeCheckResult[], status: NodeCheckResult['status']) =>
  nodeChecks(results).filter((result) => result.status === status).map((result) => result.checkId).sort();
const result = (results: NodeCheckResult[], id: string) => {
  const found = results.find((candidate) => candidate.checkId === id);
  assert.ok(found, `${id} is reported`);
  return found;
};

/** The hardened node with some files and processes changed. */
function weakened(change: (spec: HostSpec) => void): HostSpec {
  const spec = hardenedKubeadmNode();
  change(spec);
  return spec;
}

describe('a hardened kubeadm control-plane node', () => {
  const { results, platform } = run(hardenedKubeadmNode());

  it('is detected as kubeadm and every node check is decided', () => {
    assert.equal(platform, 'kubeadm');
    assert.equal(nodeChecks(results).length, NODE_CHECKS.length);
  });

  it('passes every node check it has the files for', () => {
    assert.deepEqual(withStatus(results, 'fail'), []);
    // Only kube-proxy's kubeconfig is missing (kubeadm runs kube-proxy as a DaemonSet with its kubeconfig inside).
    assert.deepEqual(withStatus(results, 'not-applicable'), ['node-cis-4.1.3', 'node-cis-4.1.4']);
  });

  it('judges the kube-apiserver process with the API-side controls, under their own ids', () => {
    const anonymous = result(results, 'apiserver-anonymous-auth');
    assert.equal(anonymous.status, 'pass');
    assert.match(anonymous.location ?? '', /kube-apiserver \(pid 1204\)/);
    assert.equal(result(results, 'apiserver-audit-log-path').status, 'fail');
  });
});

describe('weakened kubeadm nodes fail the checks about what was weakened', () => {
  const cases: { name: string; change: (spec: HostSpec) => void; fails: string[]; needsChown?: boolean }[] = [
    {
      name: 'manifests readable by all (644), as some installers leave them',
      change: (spec) => {
        spec.files['/etc/kubernetes/manifests/kube-apiserver.yaml']!.mode = 0o644;
        spec.files['/etc/kubernetes/manifests/etcd.yaml']!.mode = 0o640;
      },
      fails: ['node-cis-1.1.1', 'node-cis-1.1.7'],
    },
    {
      name: 'a private key readable by others and an admin.conf of 644',
      change: (spec) => {
        spec.files['/etc/kubernetes/pki/etcd/ca.key']!.mode = 0o644;
        spec.files['/etc/kubernetes/super-admin.conf']!.mode = 0o644;
      },
      fails: ['node-cis-1.1.13', 'node-cis-1.1.21'],
    },
    {
      name: "etcd's data directory as kubeadm leaves it (root:root, 755)",
      change: (spec) => {
        spec.files['/var/lib/etcd'] = { mode: 0o755, directory: true, owner: 'root' };
        spec.files['/var/lib/etcd/member/snap/db'] = { mode: 0o600, owner: 'root' };
      },
      fails: ['node-cis-1.1.11', 'node-cis-1.1.12'],
      needsChown: true,
    },
    {
      name: 'kubelet files owned by another user and group-readable',
      change: (spec) => {
        spec.files['/var/lib/kubelet/config.yaml']!.mode = 0o640;
        spec.files['/etc/kubernetes/kubelet.conf']!.owner = 'nobody';
      },
      fails: ['node-cis-4.1.6', 'node-cis-4.1.9'],
      needsChown: true,
    },
    {
      name: 'a kubelet config that allows anonymous requests, opens the read-only port and keeps default certificates',
      change: (spec) => {
        const { rotateCertificates: _rotate, serverTLSBootstrap: _bootstrap, ...config } = HARDENED_KUBELET_CONFIG;
        spec.files['/var/lib/kubelet/config.yaml']!.content = stringify({ ...config, authentication: { ...config.authentication, anonymous: { enabled: true } }, readOnlyPort: 10255 });
      },
      fails: ['node-cis-4.2.1', 'node-cis-4.2.10', 'node-cis-4.2.4', 'node-cis-4.2.9'],
    },
    {
      name: 'kubelet flags that override a hardened config file',
      change: (spec) => {
        spec.processes[KUBELET_PID] = [...KUBELET_ARGV, '--authorization-mode=AlwaysAllow', '--hostname-override=cp-1.example', '--streaming-connection-idle-timeout=0s'];
      },
      fails: ['node-cis-4.2.2', 'node-cis-4.2.5', 'node-cis-4.2.7'],
    },
  ];
  for (const { name, change, fails, needsChown } of cases) {
    it(name, { skip: needsChown && !canChown ? 'needs root to give files other owners' : false }, () => {
      const { results } = run(weakened(change));
      assert.deepEqual(withStatus(results, 'fail'), [...fails].sort());
    });
  }

  it('names the offending file and its mode in the result', () => {
    const { results } = run(weakened((spec) => (spec.files['/etc/kubernetes/pki/ca.key']!.mode = 0o644)));
    const keys = result(results, 'node-cis-1.1.21');
    assert.equal(keys.location, '/etc/kubernetes/pki/ca.key');
    assert.deepEqual(keys.found, [{ path: '/etc/kubernetes/pki/ca.key', found: '644' }]);
  });
});

describe('platform profiles', () => {
  /** An EKS worker: /etc/eks, the kubelet config and kubeconfig where the EKS AMI puts them. */
  function eksWorker(configMode: number): HostSpec {
    return {
      files: {
        '/etc/eks/bootstrap.sh': { mode: 0o755 },
        '/etc/kubernetes/kubelet/kubelet-config.json': { mode: configMode, content: JSON.stringify(HARDENED_KUBELET_CONFIG) },
        '/var/lib/kubelet/kubeconfig': { mode: 0o600 },
        '/etc/systemd/system/kubelet.service': { mode: 0o644 },
        '/etc/kubernetes/pki/ca.crt': { mode: 0o644 },
      },
      processes: {
        3301: ['/usr/bin/kubelet', '--config', '/etc/kubernetes/kubelet/kubelet-config.json', '--kubeconfig', '/var/lib/kubelet/kubeconfig'],
      },
    };
  }

  it('EKS: detected; control-plane checks not applicable; the kubelet files read where EKS keeps them', () => {
    const { results, platform } = run(eksWorker(0o644));
    assert.equal(platform, 'eks');
    assert.match(result(results, 'node-cis-1.1.1').message, /Amazon EKS runs the control plane/);
    assert.equal(result(results, 'node-cis-1.1.1').status, 'not-applicable');
    const config = result(results, 'node-cis-4.1.9');
    assert.equal(config.location, '/etc/kubernetes/kubelet/kubelet-config.json');
    assert.equal(config.status, 'pass', 'the EKS benchmark (3.1.3) allows 644 for the kubelet config file');
    assert.equal(result(results, 'node-cis-4.1.5').location, '/var/lib/kubelet/kubeconfig');
    assert.equal(result(results, 'node-cis-4.1.1').status, 'fail', 'the service file is 644');
    assert.equal(result(results, 'node-cis-4.2.1').status, 'pass');
  });

  it("GKE: /home/kubernetes marks it; the kubelet files are read at GKE's paths", () => {
    const { results, platform } = run({
      files: {
        '/home/kubernetes/kubelet-config.yaml': { mode: 0o600, content: stringify(HARDENED_KUBELET_CONFIG) },
        '/var/lib/kubelet/kubeconfig': { mode: 0o644 },
      },
      processes: { 900: ['/home/kubernetes/bin/kubelet', '--kubeconfig=/var/lib/kubelet/kubeconfig', '--config=/home/kubernetes/kubelet-config.yaml'] },
    });
    assert.equal(platform, 'gke');
    assert.equal(result(results, 'node-cis-4.1.9').location, '/home/kubernetes/kubelet-config.yaml');
    assert.equal(result(results, 'node-cis-4.1.9').status, 'pass');
    assert.equal(result(results, 'node-cis-4.1.5').status, 'pass', 'the GKE benchmark (3.1.1) allows 644 for the kubelet kubeconfig');
    assert.equal(result(results, 'node-cis-1.1.19').status, 'not-applicable');
  });

  it('a kubeadm node holds the kubelet files to CIS 1.12: 644 fails where EKS would pass it', () => {
    const { results } = run(eksWorker(0o644), 'kubeadm');
    assert.equal(result(results, 'node-cis-4.1.9').status, 'fail');
    assert.equal(result(results, 'node-cis-4.1.9').expected, 'permissions 600 or more restrictive');
  });

  it('--platform overrides detection', () => {
    const { platform, results } = run(eksWorker(0o600), 'kubeadm');
    assert.equal(platform, 'kubeadm');
    assert.equal(result(results, 'node-cis-1.1.1').message, 'no API server manifest on this node');
  });
});

describe('reading the host tree', () => {
  it('resolves absolute symlinks inside --root, not on the machine running kspm', () => {
    const spec = hardenedKubeadmNode();
    spec.files['/etc/kubernetes/kubelet.conf'] = { mode: 0o777, link: '/srv/kubelet.conf' };
    spec.files['/srv/kubelet.conf'] = { mode: 0o644 };
    const { results } = run(spec);
    const kubeconfig = result(results, 'node-cis-4.1.5');
    assert.equal(kubeconfig.status, 'fail');
    assert.equal(kubeconfig.found, '644', 'the target file, not the link');
  });

  it('a kubelet config that does not parse leaves the kubelet settings undecided, saying why', () => {
    const spec = hardenedKubeadmNode();
    spec.files['/var/lib/kubelet/config.yaml']!.content = 'authentication: [unclosed';
    const { results } = run(spec);
    const anonymous = result(results, 'node-cis-4.2.1');
    assert.equal(anonymous.status, 'not-applicable');
    assert.match(anonymous.message, /kubelet config file \/var\/lib\/kubelet\/config.yaml cannot be read/);
  });
});
