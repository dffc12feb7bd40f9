import { CONTROLLER_MANAGER_CONTROLS } from './controller-manager.js';
import { casesFor, HARDENED_FLAGS, KUBEADM_FLAGS, testControls } from './testing.js';

const { passes, fails } = casesFor('kube-controller-manager', HARDENED_FLAGS['kube-controller-manager']);
const kubeadm = casesFor('kube-controller-manager', KUBEADM_FLAGS['kube-controller-manager']);
const hardened = passes('hardened kubeadm manifest');

testControls(CONTROLLER_MANAGER_CONTROLS, {
  'controller-manager-terminated-pod-gc': {
    valid: [hardened],
    invalid: [kubeadm.fails('kubeadm keeps the default', {}, ['--terminated-pod-gc-threshold', '--terminated-pod-gc-threshold is not set'])],
  },
  'controller-manager-profiling': {
    valid: [hardened, passes('0 is false', { set: ['--profiling=0'] })],
    invalid: [
      kubeadm.fails('kubeadm', {}, ['--profiling', '--profiling is not set, and its default is true']),
      fails('bare flag', { set: ['--profiling'] }, ['--profiling', '--profiling is true']),
    ],
  },
  'controller-manager-service-account-credentials': {
    valid: [hardened, kubeadm.passes('kubeadm sets it')],
    invalid: [
      fails('unset', { unset: ['--use-service-account-credentials'] }, ['--use-service-account-credentials', 'is not set, and its default is false']),
      fails('false', { set: ['--use-service-account-credentials=false'] }, ['--use-service-account-credentials', '--use-service-account-credentials is false']),
    ],
  },
  'controller-manager-sa-private-key-file': {
    valid: [hardened],
    invalid: [fails('unset', { unset: ['--service-account-private-key-file'] }, ['--service-account-private-key-file', 'is not set'])],
  },
  'controller-manager-root-ca-file': {
    valid: [hardened],
    invalid: [fails('unset', { unset: ['--root-ca-file'] }, ['--root-ca-file', '--root-ca-file is not set'])],
  },
  'controller-manager-rotate-kubelet-server-cert': {
    valid: [
      hardened,
      passes('gate on', { set: ['--feature-gates=RotateKubeletServerCertificate=true'] }),
      passes('other gates only', { set: ['--feature-gates=SomeAlphaFeature=true'] }),
    ],
    invalid: [
      fails('gate off among others', { set: ['--feature-gates=SomeAlphaFeature=true,RotateKubeletServerCertificate=false'] }, [
        '--feature-gates',
        '--feature-gates turns RotateKubeletServerCertificate off',
      ]),
    ],
  },
  'controller-manager-bind-address': {
    valid: [hardened],
    invalid: [
      fails('every address', { set: ['--bind-address=0.0.0.0'] }, ['--bind-address', '--bind-address is 0.0.0.0']),
      fails('unset', { unset: ['--bind-address'] }, ['--bind-address', '--bind-address is not set, and its default is 0.0.0.0']),
    ],
  },
});
