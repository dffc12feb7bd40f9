import control from './restricted-volumes.js';
import { testControl } from '../testing.js';
import { container, deployment, pod } from './test-objects.js';

const withVolumes = (...volumes: unknown[]) => pod({ containers: [container('app')], volumes });

testControl(control, {
  valid: [
    {
      name: 'every allowed source',
      objects: withVolumes(
        { name: 'a', configMap: { name: 'c' } },
        { name: 'b', csi: { driver: 'd' } },
        { name: 'c', downwardAPI: { items: [] } },
        { name: 'd', emptyDir: {} },
        { name: 'e', ephemeral: { volumeClaimTemplate: {} } },
        { name: 'f', image: { reference: 'registry.example/data:1' } },
        { name: 'g', persistentVolumeClaim: { claimName: 'p' } },
        { name: 'h', projected: { sources: [] } },
        { name: 'i', secret: { secretName: 's' } },
      ),
    },
    { name: 'a volume without a source defaults to emptyDir', objects: withVolumes({ name: 'scratch' }) },
    { name: 'a null restricted source is unset', objects: withVolumes({ name: 'x', nfs: null }) },
  ],
  invalid: [
    {
      name: 'hostPath and nfs',
      objects: withVolumes({ name: 'ok', emptyDir: {} }, { name: 'root', hostPath: { path: '/' } }, { name: 'share', nfs: { server: 'n', path: '/' } }),
      violations: [
        { path: 'spec.volumes[1].hostPath', message: 'restricted volume types: volume "root" uses restricted volume type "hostPath"' },
        { path: 'spec.volumes[2].nfs', message: '"nfs"' },
      ],
    },
    {
      name: 'gitRepo in a Deployment at v1.0',
      objects: deployment({ containers: [container('app')], volumes: [{ name: 'src', gitRepo: { repository: 'https://example.com/r.git' } }] }),
      options: { pssVersion: { minor: 0 } },
      violations: [{ path: 'spec.template.spec.volumes[0].gitRepo' }],
    },
  ],
});
