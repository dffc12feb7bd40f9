import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldsV1 } from './estate-managed-fields.js';

describe('fieldsV1', () => {
  it('names map fields, keys list items by what the API merges them on, and records other lists whole', () => {
    const wrote = {
      metadata: { labels: { app: 'web' }, ownerReferences: [{ uid: 'u-1', name: 'web-abc' }] },
      spec: {
        containers: [{ name: 'web', args: ['--port=80'], ports: [{ containerPort: 80, protocol: 'TCP' }], volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] }],
        securityContext: {},
      },
      status: undefined,
    };
    assert.deepEqual(fieldsV1(wrote), {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} }, 'f:ownerReferences': { 'k:{"uid":"u-1"}': { '.': {}, 'f:uid': {}, 'f:name': {} } } },
      'f:spec': {
        'f:containers': {
          'k:{"name":"web"}': {
            '.': {}, 'f:name': {}, 'f:args': {},
            'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } },
            'f:volumeMounts': { 'k:{"mountPath":"/tmp"}': { '.': {}, 'f:name': {}, 'f:mountPath': {} } },
          },
        },
        'f:securityContext': {},
      },
    });
  });
});
