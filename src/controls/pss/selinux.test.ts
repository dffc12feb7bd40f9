import control from './selinux.js';
import { testControl } from '../testing.js';
import { container, pod, version } from './test-objects.js';

const podWith = (seLinuxOptions: unknown) => pod({ securityContext: { seLinuxOptions }, containers: [container('app')] });

testControl(control, {
  valid: [
    { name: 'no options', objects: pod({ containers: [container('app')] }) },
    { name: 'container_t with a level', objects: podWith({ type: 'container_t', level: 's0:c123,c456' }) },
    { name: 'empty type and user', objects: podWith({ type: '', user: '' }) },
    { name: 'container_engine_t from v1.31', objects: podWith({ type: 'container_engine_t' }), options: version(31) },
  ],
  invalid: [
    {
      name: 'container_engine_t before v1.31',
      objects: podWith({ type: 'container_engine_t' }),
      options: version(30),
      violations: [{ path: 'spec.securityContext.seLinuxOptions.type', message: 'seLinuxOptions: pod set forbidden securityContext.seLinuxOptions: type "container_engine_t"' }],
    },
    {
      name: 'spc_t, user and role on an init container: one violation per field',
      objects: pod({ initContainers: [container('init', { seLinuxOptions: { type: 'spc_t', user: 'system_u', role: 'system_r' } })], containers: [container('app')] }),
      violations: [
        { path: 'spec.initContainers[0].securityContext.seLinuxOptions.type' },
        { path: 'spec.initContainers[0].securityContext.seLinuxOptions.user', message: 'user may not be set' },
        { path: 'spec.initContainers[0].securityContext.seLinuxOptions.role', message: 'role may not be set' },
      ],
    },
  ],
});
