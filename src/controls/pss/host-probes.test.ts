import control from './host-probes.js';
import { testControl } from '../testing.js';
import { container, deployment, pod, version } from './test-objects.js';

const probed = (fields: Record<string, unknown>) => pod({ containers: [container('app', undefined, fields)] });
const metadataProbe = { livenessProbe: { httpGet: { host: '169.254.169.254', path: '/', port: 80 } } };

testControl(control, {
  valid: [
    { name: 'probes without host', objects: probed({ livenessProbe: { httpGet: { path: '/healthz', port: 8080 } }, readinessProbe: { tcpSocket: { port: 8080 } } }) },
    { name: 'empty host', objects: probed({ startupProbe: { httpGet: { host: '', port: 8080 } }, lifecycle: { preStop: { tcpSocket: { host: '', port: 1 } } } }) },
    { name: 'exec probes', objects: probed({ livenessProbe: { exec: { command: ['true'] } } }) },
    { name: 'the check does not exist before v1.34', objects: probed(metadataProbe), options: version(33) },
    { name: 'lifecycle not an object', objects: probed({ lifecycle: 'postStart' }) },
  ],
  invalid: [
    {
      name: 'liveness httpGet host',
      objects: probed(metadataProbe),
      options: version(34),
      violations: [{ path: 'spec.containers[0].livenessProbe.httpGet.host', message: 'probe or lifecycle host: container "app" uses probe or lifecycle host "169.254.169.254"' }],
    },
    {
      name: 'every probe and handler kind',
      objects: probed({
        readinessProbe: { tcpSocket: { host: 'db', port: 5432 } },
        startupProbe: { httpGet: { host: 'a', port: 1 } },
        lifecycle: { postStart: { httpGet: { host: 'b', port: 1 } }, preStop: { tcpSocket: { host: 'c', port: 1 } } },
      }),
      violations: [
        { path: 'spec.containers[0].readinessProbe.tcpSocket.host' },
        { path: 'spec.containers[0].startupProbe.httpGet.host' },
        { path: 'spec.containers[0].lifecycle.postStart.httpGet.host' },
        { path: 'spec.containers[0].lifecycle.preStop.tcpSocket.host' },
      ],
    },
    {
      name: 'init container in a Deployment',
      objects: deployment({ initContainers: [container('init', undefined, metadataProbe)], containers: [container('app')] }),
      violations: [{ path: 'spec.template.spec.initContainers[0].livenessProbe.httpGet.host' }],
    },
  ],
});
