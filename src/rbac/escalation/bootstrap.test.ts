/** Escalation paths in the default RBAC of a Kubernetes cluster: the controllers' own ways to cluster-admin. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapRbac } from '../../../test/helpers/api-server/fixtures.js';
import { sharedData } from '../../../test/helpers/shared.js';
import type { K8sObject } from '../../model/k8s.js';
import { clusterViewOf } from '../cluster-view.js';
import { describePath, findEscalationPaths } from './index.js';

const bootstrap = sharedData('k8s-rbac-bootstrap');

describe('escalation paths in the bootstrap RBAC', { skip: !bootstrap && 'shared data absent' }, () => {
  const paths = bootstrap ? findEscalationPaths(clusterViewOf(bootstrapRbac(bootstrap) as K8sObject[])) : [];
  const pathOf = (subject: string) => paths.find((path) => describePath(path).startsWith(`${subject} `));
  const AGGREGATOR = 'ServiceAccount kube-system/clusterrole-aggregation-controller';
  const ESCALATE = 'can escalate ClusterRole system:controller:clusterrole-aggregation-controller, which it is bound to';

  it('finds the ClusterRole aggregation controller one escalate away from cluster-admin', () => {
    assert.equal(describePath(pathOf(AGGREGATOR)!), `${AGGREGATOR} ${ESCALATE}`);
  });

  it('finds the controllers that create pods in kube-system running as the aggregation controller', () => {
    for (const [controller, how] of [
      ['daemon-set-controller', 'create pods'],
      ['replicaset-controller', 'create pods'],
      ['job-controller', 'create pods'],
      ['cronjob-controller', 'create jobs.batch'],
      ['deployment-controller', 'update deployments.apps'],
    ]) {
      const subject = `ServiceAccount kube-system/${controller}`;
      assert.equal(describePath(pathOf(subject)!), `${subject} can ${how} in every namespace -> can run as ${AGGREGATOR} -> ${ESCALATE}`);
    }
  });

  it('finds the controller manager minting the aggregation controller a token', () => {
    assert.match(describePath(pathOf('User system:kube-controller-manager')!), /can create serviceaccounts\/token in every namespace -> can act as ServiceAccount kube-system\/clusterrole-aggregation-controller ->/);
  });

  it('finds get on every resource reaching the kubelets through nodes/proxy', () => {
    assert.equal(describePath(pathOf('ServiceAccount kube-system/namespace-controller')!), 'ServiceAccount kube-system/namespace-controller can get nodes/proxy on every node');
  });

  it('reports neither system:masters nor the certificate controller, whose signer only signs kubelets', () => {
    assert.equal(pathOf('Group system:masters'), undefined);
    assert.equal(pathOf('ServiceAccount kube-system/certificate-controller'), undefined);
    assert.ok(paths.every((path) => path.reaches.rank > path.holds.rank));
  });
});
