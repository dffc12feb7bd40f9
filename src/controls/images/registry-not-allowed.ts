import { parseImageRef } from '../../model/image.js';
import { checkContainers } from '../containers.js';
import { defineControl } from '../types.js';
import { containerName } from '../workload/pod-helpers.js';
import { registryAllowed } from './allowed-registries.js';

export default defineControl(
  {
    id: 'image-registry-not-allowed',
    title: 'Image from a registry that is not allowed',
    severity: 'high',
    category: 'Images',
    description:
      'Flags containers (init and ephemeral included) whose image does not come from one of `allowedRegistries` (hosts, `*.host` wildcards or host/path prefixes). With no allowed registries configured the control reports nothing.',
    rationale:
      'Images from unvetted registries skip your scanning, signing and provenance checks; typosquatted and hijacked public images are a common way malware reaches clusters.',
    remediation:
      'Mirror the image into an approved registry and reference it there (`image: registry.example.com/team/app:1.4.2`), or add the registry to `allowedRegistries` after review.',
    frameworks: [
      { framework: 'cis', id: '5.5.1' },
      { framework: 'nsa', id: 'secure-images' },
      { framework: 'mitre', id: 'T1525' },
      { framework: 'mitre', id: 'T1195.002' },
    ],
    appliesTo: 'workloads',
  },
  (object, options) => {
    const allowed = options.allowedRegistries;
    if (allowed.length === 0) return [];
    return checkContainers(object, ({ container, path }) => {
      if (typeof container.image !== 'string') return [];
      const image = parseImageRef(container.image);
      if (!image || registryAllowed(allowed, image)) return [];
      return [
        {
          path: [...path, 'image'],
          message: `container "${containerName(container)}" pulls ${image.registry}/${image.repository}, which no allowed registry covers`,
          found: container.image,
          expected: `an image from ${allowed.join(', ')}`,
        },
      ];
    });
  },
);
