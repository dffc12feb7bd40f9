import { SCHEDULER_CONTROLS } from './scheduler.js';
import { casesFor, HARDENED_FLAGS, KUBEADM_FLAGS, testControls } from './testing.js';

const { passes, fails } = casesFor('kube-scheduler', HARDENED_FLAGS['kube-scheduler']);
const kubeadm = casesFor('kube-scheduler', KUBEADM_FLAGS['kube-scheduler']);
const hardened = passes('hardened kubeadm manifest');

testControls(SCHEDULER_CONTROLS, {
  'scheduler-profiling': {
    valid: [hardened, kubeadm.passes('unset, with a KubeSchedulerConfiguration file', { set: ['--config=/etc/kubernetes/scheduler-config.yaml'] })],
    invalid: [
      kubeadm.fails('kubeadm', {}, ['--profiling', '--profiling is not set, and its default is true']),
      fails('turned on', { set: ['--profiling=true'] }, ['--profiling', '--profiling is true']),
    ],
  },
  'scheduler-bind-address': {
    valid: [hardened, kubeadm.passes('kubeadm')],
    invalid: [
      fails('node address', { set: ['--bind-address=192.168.56.10'] }, ['--bind-address', '--bind-address is 192.168.56.10']),
      fails('unset', { unset: ['--bind-address'] }, ['--bind-address', 'its default is 0.0.0.0']),
    ],
  },
});
