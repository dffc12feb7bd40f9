/**
 * The restricted policy requires the default /proc masks whether or not the pod runs in a user namespace.
 *
 * Restricted fields: spec.containers[*].securityContext.procMount (and initContainers, ephemeralContainers)
 * Allowed values: undefined/null, 'Default'
 */
import { definePssControl } from './define.js';
import { procMountDefault } from './proc-mount.js';

export default definePssControl(
  {
    id: 'pss-proc-mount-restricted',
    title: 'Container unmasks /proc (even in a user namespace)',
    severity: 'medium',
    description: 'Flags containers that set securityContext.procMount to anything but Default, user namespace or not.',
    rationale:
      'A user namespace limits what root in the container can do on the host, but an unmasked /proc still exposes kernel interfaces; the restricted policy keeps the masks everywhere.',
    remediation: 'Remove securityContext.procMount or set it to Default.',
    frameworks: [{ framework: 'nsa', id: 'hardening-env' }],
  },
  {
    check: 'procMount_restricted',
    level: 'restricted',
    versions: [{ minimum: 35, check: procMountDefault, overrides: ['pss-proc-mount'] }],
  },
);
