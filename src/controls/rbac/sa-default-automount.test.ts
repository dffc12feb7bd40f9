import control from './sa-default-automount.js';
import { testControl } from '../testing.js';

const sa = (name: string, automount?: unknown) => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace: 'shop' },
  ...(automount === undefined ? {} : { automountServiceAccountToken: automount }),
});

testControl(control, {
  valid: [
    { name: 'default with automount off', objects: sa('default', false) },
    { name: 'other service accounts are the workload owner\'s choice', objects: sa('reporter') },
    { name: 'a ConfigMap named default', objects: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'default' } } },
    { name: 'no metadata', objects: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: null as never } },
  ],
  invalid: [
    { name: 'default without the field', objects: sa('default'), violations: [{ path: 'automountServiceAccountToken', message: 'namespace shop' }] },
    { name: 'default with automount on', objects: sa('default', true), violations: [{ path: 'automountServiceAccountToken' }] },
    { name: 'the string "false" is not false', objects: sa('default', 'false'), violations: [{ path: 'automountServiceAccountToken' }] },
  ],
});
