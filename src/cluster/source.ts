import type { ScanItem, ScanSource } from '../engine/scan.js';
import type { ClusterFacts } from '../model/cluster.js';
import { refOf, type ClusterLocation, type LoadedResource } from '../model/resource.js';
import type { ClusterEvent, ClusterIdentity } from './events.js';
import { PlatformObserver } from './platform.js';

/**
 * Turns one cluster's events into a scan source: objects become resources located by context and API path, and the
 * facts (version, served APIs, platform) are known once the last object has gone by.
 */
export function clusterScanSource(events: AsyncIterable<ClusterEvent>): ScanSource {
  let identity: ClusterIdentity | undefined;
  const observer = new PlatformObserver();

  async function* items(): AsyncGenerator<ScanItem> {
    for await (const event of events) {
      switch (event.type) {
        case 'cluster': {
          const { type: _type, ...rest } = event;
          identity = rest;
          break;
        }
        case 'object': {
          observer.observe(event.object);
          const source: ClusterLocation = { cluster: identity?.context ?? '', apiPath: event.apiPath };
          const resource: LoadedResource<ClusterLocation> = { object: event.object, ref: refOf(event.object), source };
          yield { type: 'resource', resource };
          break;
        }
        case 'gap':
          yield { type: 'gap', gap: event.gap };
          break;
        case 'error':
          yield { type: 'error', error: event.error };
          break;
      }
    }
  }

  return {
    items: items(),
    judgeControllersOnly: true,
    facts(): ClusterFacts | undefined {
      if (!identity) return undefined;
      return { ...identity, platform: observer.platform(identity.serverVersion, identity.servedVersions) };
    },
  };
}
