import control from './registry-not-allowed.js';
import { testControl } from '../testing.js';
import { container, SPEC_PATH, workload, type WorkloadKind } from '../workload/fixtures.js';

const ALLOWED = { allowedRegistries: ['ghcr.io/acme', 'registry.k8s.io', '*.example.com', 'localhost:5000', 'docker.io/library'] };

const running = (image: unknown, kind: WorkloadKind = 'Pod') => workload(kind, { containers: [container({ image })] });

testControl(control, {
  valid: [
    { name: 'no allowed registries configured: off', objects: running('evil.io/miner:1') },
    { name: 'host/path prefix', objects: running('ghcr.io/acme/shop/app:1.0'), options: ALLOWED },
    { name: 'host/path prefix, exact repository', objects: running('ghcr.io/acme:1.0'), options: ALLOWED },
    { name: 'host', objects: running('registry.k8s.io/pause:3.10'), options: ALLOWED },
    { name: 'host names are case-insensitive', objects: running('Registry.K8s.io/pause:3.10'), options: ALLOWED },
    { name: 'wildcard subdomain', objects: running('eu.registry.example.com/app@sha256:abc'), options: ALLOWED },
    { name: 'host with the port of the entry', objects: running('localhost:5000/app:2'), options: ALLOWED },
    { name: 'official Docker Hub images by short name', objects: running('nginx:1.27'), options: ALLOWED },
    { name: 'image is not a string', objects: running(42), options: ALLOWED },
    { name: 'blank image', objects: running('  '), options: ALLOWED },
  ],
  invalid: [
    {
      name: 'unlisted registry in a Deployment',
      objects: running('quay.io/evil/miner:1', 'Deployment'),
      options: ALLOWED,
      violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].image`, message: 'container "app" pulls quay.io/evil/miner' }],
    },
    { name: 'a lookalike path prefix', objects: running('ghcr.io/acme-evil/app:1'), options: ALLOWED, violations: [{ path: 'spec.containers[0].image' }] },
    { name: 'wildcard does not cover the bare domain', objects: running('example.com/app:1'), options: ALLOWED, violations: [{ path: 'spec.containers[0].image' }] },
    { name: 'wildcard does not cover a lookalike domain', objects: running('registry.notexample.com/app:1'), options: ALLOWED, violations: [{ path: 'spec.containers[0].image' }] },
    { name: 'another port of an allowed host', objects: running('localhost:6000/app:2'), options: ALLOWED, violations: [{ path: 'spec.containers[0].image' }] },
    { name: 'non-official Docker Hub image', objects: running('someone/app:1'), options: ALLOWED, violations: [{ path: 'spec.containers[0].image', message: 'docker.io/someone/app' }] },
    {
      name: 'init and ephemeral containers of a CronJob',
      objects: workload('CronJob', { initContainers: [{ name: 'init', image: 'gcr.io/x/init:1' }], containers: [container()], ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }] }),
      options: { allowedRegistries: ['registry.example.com'] },
      violations: [{ path: `${SPEC_PATH.CronJob}.initContainers[0].image` }, { path: `${SPEC_PATH.CronJob}.ephemeralContainers[0].image` }],
    },
  ],
});
