import control from './ingress-no-tls.js';
import { testControl } from '../testing.js';

const ingress = (spec: unknown) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'shop' }, spec });
const backend = { service: { name: 'web', port: { number: 80 } } };
const rule = (host?: string) => ({ ...(host ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } });

testControl(control, {
  valid: [
    { name: 'every host covered', objects: ingress({ tls: [{ hosts: ['a.example.com', 'b.example.com'], secretName: 'tls' }], rules: [rule('a.example.com'), rule('b.example.com')] }) },
    { name: 'wildcard certificate', objects: ingress({ tls: [{ hosts: ['*.example.com'] }], rules: [rule('shop.example.com')] }) },
    { name: 'hostless rule with a hostless tls entry', objects: ingress({ tls: [{ secretName: 'default' }], rules: [rule()] }) },
    { name: 'nothing served', objects: ingress({}) },
    { name: 'malformed', objects: [ingress(null), ingress({ rules: 'all', tls: 'yes' }), ingress({ tls: [{ hosts: 'a' }], rules: [null, 4] })] },
    { name: 'other kinds', objects: { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'x' }, spec: { rules: [rule('a.example.com')] } } },
  ],
  invalid: [
    { name: 'no tls at all', objects: ingress({ rules: [rule('a.example.com'), rule()] }), violations: [{ path: 'spec.tls', message: 'a.example.com, * over plain HTTP' }] },
    { name: 'default backend only', objects: ingress({ defaultBackend: backend }), violations: [{ path: 'spec.tls', message: 'its default backend' }] },
    {
      name: 'one host missing from tls',
      objects: ingress({ tls: [{ hosts: ['a.example.com'] }], rules: [rule('a.example.com'), rule('b.example.com')] }),
      violations: [{ path: 'spec.rules[1].host', message: 'b.example.com is not covered' }],
    },
    {
      name: 'wildcard covers one label only',
      objects: ingress({ tls: [{ hosts: ['*.example.com'] }], rules: [rule('a.b.example.com'), rule('example.com')] }),
      violations: [{ path: 'spec.rules[0].host' }, { path: 'spec.rules[1].host' }],
    },
    {
      name: 'hostless rule with host-specific tls',
      objects: ingress({ tls: [{ hosts: ['a.example.com'] }], rules: [rule()] }),
      violations: [{ path: 'spec.rules[0]', message: 'without a host' }],
    },
  ],
});
