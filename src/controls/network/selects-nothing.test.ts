import control from './selects-nothing.js';
import { testControl } from '../testing.js';
import { DENY_ALL, deployment, MALFORMED_POLICIES, namespace, policy } from './testing.js';

const only = (labels: Record<string, string>) => ({ podSelector: { matchLabels: labels }, policyTypes: ['Ingress'] });

testControl(control, {
  valid: [
    { name: 'selects its workload', objects: [deployment('web', 'shop'), policy(only({ app: 'web' }))] },
    { name: 'an empty selector selects every pod', objects: [deployment('web', 'shop'), policy(DENY_ALL)] },
    { name: 'an absent selector selects every pod', objects: [deployment('web', 'shop'), policy({ policyTypes: ['Ingress'] })] },
    { name: 'through matchExpressions', objects: [deployment('web', 'shop'), policy({ podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } })] },
    { name: 'a namespace without workloads is not judged', objects: [namespace('shop'), policy(only({ app: 'web' }))] },
  ],
  invalid: [
    {
      name: 'a label typo',
      objects: [deployment('web', 'shop'), policy(only({ app: 'wbe' }), 'web-policy')],
      violations: [{ path: 'spec.podSelector', subject: 'NetworkPolicy shop/web-policy', message: 'NetworkPolicy web-policy selects none of the 1 workload of namespace shop' }],
    },
    {
      name: 'a policy in the namespace of other workloads',
      objects: [deployment('web', 'shop'), deployment('api', 'shop'), policy(only({ app: 'db' }), 'db')],
      violations: [{ path: 'spec.podSelector', subject: 'NetworkPolicy shop/db', message: 'selects none of the 2 workloads' }],
    },
    {
      name: 'malformed selectors select nothing',
      objects: [deployment('web', 'shop'), MALFORMED_POLICIES[2]!],
      violations: [{ path: 'spec.podSelector', subject: 'NetworkPolicy shop/web' }],
    },
  ],
});
