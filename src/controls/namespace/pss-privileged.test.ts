import control from './pss-privileged.js';
import { testControl } from '../testing.js';
import { namespace, NOT_A_NAMESPACE } from './testing.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

testControl(control, {
  valid: [
    { name: 'baseline', objects: namespace({ [ENFORCE]: 'baseline' }) },
    { name: 'privileged only in warn mode', objects: namespace({ 'pod-security.kubernetes.io/warn': 'privileged' }) },
    { name: 'no label (namespace-no-pss-enforce judges it)', objects: namespace() },
    { name: 'labels of the wrong type', objects: namespace('privileged') },
    { name: 'other kinds', objects: NOT_A_NAMESPACE },
  ],
  invalid: [
    { name: 'privileged', objects: namespace({ [ENFORCE]: 'privileged' }), violations: [{ path: 'metadata.labels["pod-security.kubernetes.io/enforce"]', message: 'namespace shop admits privileged pods' }] },
  ],
});
