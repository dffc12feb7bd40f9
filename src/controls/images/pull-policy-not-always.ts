import { hasFloatingTag, parseImageRef } from '../../model/image.js';
import { checkContainers } from '../containers.js';
import { defineControl } from '../types.js';
import { containerName } from '../workload/pod-helpers.js';

export default defineControl(
  {
    id: 'image-pull-policy-not-always',
    title: 'Floating image tag with a cached pull policy',
    severity: 'low',
    category: 'Images',
    description:
      'Flags containers whose image has no tag or `latest` and no digest, yet sets `imagePullPolicy` to `IfNotPresent` or `Never`. Left unset, Kubernetes already uses `Always` for such images; pinned images may use any policy.',
    rationale:
      'With a floating tag and a cached policy each node runs whatever it pulled first: replicas differ, fixes never arrive and a bad image stays after the registry is corrected.',
    remediation: 'Pin the image to a version or digest (best), or set `imagePullPolicy: Always` for floating tags.',
    frameworks: [
      { framework: 'nsa', id: 'secure-images' },
      { framework: 'mitre', id: 'T1525' },
    ],
    appliesTo: 'workloads',
  },
  (object) =>
    checkContainers(object, ({ container, path }) => {
      const policy = container.imagePullPolicy;
      if (typeof container.image !== 'string' || typeof policy !== 'string' || policy === 'Always') return [];
      const image = parseImageRef(container.image);
      if (!image || !hasFloatingTag(image)) return [];
      return [
        {
          path: [...path, 'imagePullPolicy'],
          message: `container "${containerName(container)}" caches the floating image ${container.image} (${policy})`,
          found: policy,
          expected: 'Always, or an image pinned to a version or digest',
        },
      ];
    }),
);
