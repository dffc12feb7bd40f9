import { hasFloatingTag, parseImageRef } from '../../model/image.js';
import { checkContainers } from '../containers.js';
import { defineControl } from '../types.js';
import { containerName } from '../workload/pod-helpers.js';

export default defineControl(
  {
    id: 'image-mutable-tag',
    title: 'Image pinned by a mutable tag',
    severity: 'medium',
    category: 'Images',
    description: 'Flags containers whose image has no tag, the `latest` tag, and no digest.',
    rationale:
      'A mutable tag can point at different content tomorrow: rollbacks become unreliable, nodes may run different code, and a compromised registry push reaches the cluster silently.',
    remediation: 'Pin every image to an immutable version tag and, better, to a digest: `image: registry/app:1.4.2@sha256:...`.',
    frameworks: [
      { framework: 'nsa', id: 'secure-images' },
      { framework: 'mitre', id: 'T1525' },
    ],
    appliesTo: 'workloads',
  },
  (object) =>
    checkContainers(object, ({ container, path }) => {
      if (typeof container.image !== 'string') return [];
      const image = parseImageRef(container.image);
      if (!image || !hasFloatingTag(image)) return [];
      return [
        {
          path: [...path, 'image'],
          message: `container "${containerName(container)}" uses ${image.tag ? 'the latest tag' : 'no tag'} and no digest`,
          found: container.image,
          expected: 'a version tag or a digest (@sha256:...)',
        },
      ];
    }),
);
