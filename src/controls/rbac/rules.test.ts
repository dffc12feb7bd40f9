import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readRule, resourceMatches, type PolicyRule } from '../../rbac/rule.js';
import { grants, isAggregated, isDefaultRole, roleRules } from './rules.js';

const rule = (fields: Partial<PolicyRule>): PolicyRule => ({ verbs: [], apiGroups: [''], resources: [], resourceNames: [], nonResourceURLs: [], ...fields });

describe('RBAC rule matching', () => {
  it('matches resources as the authorizer does', () => {
    assert.equal(resourceMatches(rule({ resources: ['pods'] }), 'pods'), true);
    assert.equal(resourceMatches(rule({ resources: ['pods'] }), 'pods/exec'), false, 'pods does not grant pods/exec');
    assert.equal(resourceMatches(rule({ resources: ['*'] }), 'pods/exec'), true, '* covers subresources');
    assert.equal(resourceMatches(rule({ resources: ['*/exec'] }), 'pods/exec'), true, '*/exec covers any parent');
    assert.equal(resourceMatches(rule({ resources: ['*/exec'] }), 'pods/attach'), false);
    assert.equal(resourceMatches(rule({ resources: ['*/exec'] }), 'pods'), false);
    assert.equal(resourceMatches(rule({ resources: ['pods/*'] }), 'pods/exec'), false, 'pods/* is no wildcard');
    assert.equal(resourceMatches(rule({ resources: ['pods/exec'] }), 'pods/exec'), true);
  });

  it('honours * in verbs and API groups, and the core group', () => {
    const secrets = { verb: 'get', group: '', resource: 'secrets' };
    assert.ok(grants(rule({ verbs: ['*'], resources: ['secrets'] }), secrets));
    assert.ok(grants(rule({ verbs: ['get'], apiGroups: ['*'], resources: ['secrets'] }), secrets));
    assert.equal(grants(rule({ verbs: ['get'], apiGroups: ['apps'], resources: ['secrets'] }), secrets), undefined);
    assert.equal(grants(rule({ verbs: ['list'], resources: ['secrets'] }), secrets), undefined);
  });

  it('notes resourceNames and knows they never allow create or deletecollection of a resource', () => {
    const named = rule({ verbs: ['*'], resources: ['secrets', 'pods/exec', 'pods'], resourceNames: ['tls'] });
    assert.deepEqual(grants(named, { verb: 'get', group: '', resource: 'secrets' })?.resourceNames, ['tls']);
    assert.equal(grants(named, { verb: 'create', group: '', resource: 'pods' }), undefined);
    assert.equal(grants(named, { verb: 'deletecollection', group: '', resource: 'secrets' }), undefined);
    assert.ok(grants(named, { verb: 'create', group: '', resource: 'pods/exec' }), 'a subresource request carries the name');
  });

  it('reads malformed rules without throwing and ignores non-string entries', () => {
    assert.equal(readRule(null), undefined);
    assert.equal(readRule('rule'), undefined);
    assert.deepEqual(readRule({ verbs: 'get', resources: [1, 'pods', null] }), { verbs: [], apiGroups: [], resources: ['pods'], resourceNames: [], nonResourceURLs: [] });
    assert.deepEqual(roleRules({ kind: 'Role', rules: 'all' }), []);
    assert.deepEqual(roleRules({ kind: 'Role', rules: [null, { verbs: ['get'] }] }).map((r) => r.path), [['rules', 1]]);
    assert.deepEqual(roleRules({ kind: 'ConfigMap', rules: [{ verbs: ['*'] }] }), []);
  });

  it('recognises aggregated and default roles', () => {
    assert.equal(isAggregated({ kind: 'ClusterRole', aggregationRule: { clusterRoleSelectors: [] } }), true);
    assert.equal(isAggregated({ kind: 'ClusterRole', aggregationRule: 'x' }), false);
    assert.equal(isDefaultRole({ kind: 'ClusterRole', metadata: { name: 'system:node' } }), true);
    assert.equal(isDefaultRole({ kind: 'ClusterRole', metadata: { name: 'edit', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } } }), true);
    assert.equal(isDefaultRole({ kind: 'ClusterRole', metadata: { name: 'edit' } }), false);
    assert.equal(isDefaultRole({ kind: 'ClusterRole', metadata: null as never }), false);
  });
});
