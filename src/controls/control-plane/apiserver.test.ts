import { APISERVER_CONTROLS } from './apiserver.js';
import { casesFor, HARDENED_FLAGS, KUBEADM_FLAGS, testControls } from './testing.js';

const { passes, fails } = casesFor('kube-apiserver', HARDENED_FLAGS['kube-apiserver']);
const kubeadm = casesFor('kube-apiserver', KUBEADM_FLAGS['kube-apiserver']);
const hardened = passes('hardened kubeadm manifest');

const ADMISSION = '--enable-admission-plugins';
const DISABLED = '--disable-admission-plugins';
const AUTHZ = '--authorization-mode';
const AUTHZ_FILE = '--authorization-config=/etc/kubernetes/authorization.yaml';

testControls(APISERVER_CONTROLS, {
  'apiserver-anonymous-auth': {
    valid: [hardened, passes('unset, with an authentication configuration file', { unset: ['--anonymous-auth'], set: ['--authentication-config=/etc/kubernetes/authn.yaml'] })],
    invalid: [
      kubeadm.fails('kubeadm leaves the default', {}, ['--anonymous-auth', '--anonymous-auth is not set, and its default is true']),
      fails('explicitly true', { set: ['--anonymous-auth=true'] }, ['--anonymous-auth', '--anonymous-auth is true']),
    ],
  },
  'apiserver-token-auth-file': {
    valid: [hardened, passes('set to nothing', { set: ['--token-auth-file='] })],
    invalid: [fails('static token file', { set: ['--token-auth-file=/etc/kubernetes/tokens.csv'] }, ['--token-auth-file', '--token-auth-file is set'])],
  },
  'apiserver-deny-service-external-ips': {
    valid: [hardened],
    invalid: [kubeadm.fails('kubeadm enables NodeRestriction only', {}, [ADMISSION, 'does not include DenyServiceExternalIPs'])],
  },
  'apiserver-kubelet-client-cert': {
    valid: [hardened],
    invalid: [
      fails('no key', { unset: ['--kubelet-client-key'] }, ['--kubelet-client-key', '--kubelet-client-key is not set']),
      fails('neither', { unset: ['--kubelet-client-certificate', '--kubelet-client-key'] }, ['--kubelet-client-certificate', 'is not set'], ['--kubelet-client-key', 'is not set']),
    ],
  },
  'apiserver-kubelet-certificate-authority': {
    valid: [hardened],
    invalid: [kubeadm.fails('kubeadm does not verify kubelets', {}, ['--kubelet-certificate-authority', '--kubelet-certificate-authority is not set'])],
  },
  'apiserver-authorization-always-allow': {
    valid: [hardened, passes('modes in a configuration file', { unset: [AUTHZ], set: [AUTHZ_FILE] })],
    invalid: [
      fails('AlwaysAllow after RBAC', { set: [`${AUTHZ}=Node,RBAC,AlwaysAllow`] }, [AUTHZ, `${AUTHZ} includes AlwaysAllow`]),
      fails('unset defaults to AlwaysAllow', { unset: [AUTHZ] }, [AUTHZ, `${AUTHZ} is not set, and its default includes AlwaysAllow`]),
    ],
  },
  'apiserver-authorization-node': {
    valid: [hardened, passes('Node among webhooks', { set: [`${AUTHZ}=Node,Webhook,RBAC`] }), passes('modes in a configuration file', { unset: [AUTHZ], set: [AUTHZ_FILE] })],
    invalid: [
      fails('RBAC only', { set: [`${AUTHZ}=RBAC`] }, [AUTHZ, `${AUTHZ} does not include Node`]),
      fails('unset', { unset: [AUTHZ] }, [AUTHZ, 'its default does not include Node']),
    ],
  },
  'apiserver-authorization-rbac': {
    valid: [hardened],
    invalid: [fails('Node and a webhook only', { set: [`${AUTHZ}=Node,Webhook`] }, [AUTHZ, `${AUTHZ} does not include RBAC`])],
  },
  'apiserver-event-rate-limit': {
    valid: [hardened],
    invalid: [kubeadm.fails('kubeadm', {}, [ADMISSION, 'does not include EventRateLimit']), fails('no plugins flag', { unset: [ADMISSION] }, [ADMISSION, 'is not set'])],
  },
  'apiserver-always-admit': {
    valid: [hardened, kubeadm.passes('kubeadm'), passes('no plugins flag', { unset: [ADMISSION] })],
    invalid: [fails('AlwaysAdmit listed', { set: [`${ADMISSION}=NodeRestriction,AlwaysAdmit`] }, [ADMISSION, `${ADMISSION} includes AlwaysAdmit`])],
  },
  'apiserver-always-pull-images': {
    valid: [hardened],
    invalid: [kubeadm.fails('kubeadm', {}, [ADMISSION, 'does not include AlwaysPullImages'])],
  },
  'apiserver-service-account-plugin': {
    valid: [hardened, passes('other plugins disabled', { set: [`${DISABLED}=StorageObjectInUseProtection`] })],
    invalid: [fails('disabled', { set: [`${DISABLED}=DefaultStorageClass,ServiceAccount`] }, [DISABLED, `${DISABLED} includes ServiceAccount`])],
  },
  'apiserver-namespace-lifecycle': {
    valid: [hardened, passes('other plugins disabled', { set: [`${DISABLED}=ServiceAccountX`] })],
    invalid: [fails('disabled', { set: [`${DISABLED}=NamespaceLifecycle`] }, [DISABLED, `${DISABLED} includes NamespaceLifecycle`])],
  },
  'apiserver-node-restriction': {
    valid: [hardened, kubeadm.passes('kubeadm')],
    invalid: [
      fails('replaced by other plugins', { set: [`${ADMISSION}=EventRateLimit,AlwaysPullImages`] }, [ADMISSION, 'does not include NodeRestriction']),
      fails('no plugins flag', { unset: [ADMISSION] }, [ADMISSION, `${ADMISSION} is not set, and its default does not include NodeRestriction`]),
    ],
  },
  'apiserver-profiling': {
    valid: [hardened, passes('False, as Go spells it too', { set: ['--profiling=False'] })],
    invalid: [
      kubeadm.fails('kubeadm', {}, ['--profiling', '--profiling is not set, and its default is true']),
      fails('turned on', { set: ['--profiling=true'] }, ['--profiling', '--profiling is true']),
    ],
  },
  'apiserver-audit-log-path': {
    valid: [hardened],
    invalid: [kubeadm.fails('kubeadm', {}, ['--audit-log-path', '--audit-log-path is not set']), fails('empty', { set: ['--audit-log-path='] }, ['--audit-log-path', 'is empty'])],
  },
  'apiserver-audit-log-maxage': {
    valid: [hardened, passes('a year', { set: ['--audit-log-maxage=365'] })],
    invalid: [
      fails('a week', { set: ['--audit-log-maxage=7'] }, ['--audit-log-maxage', '--audit-log-maxage is 7, below 30']),
      fails('unset', { unset: ['--audit-log-maxage'] }, ['--audit-log-maxage', 'is not set']),
    ],
  },
  'apiserver-audit-log-maxbackup': {
    valid: [hardened],
    invalid: [fails('five files', { set: ['--audit-log-maxbackup=5'] }, ['--audit-log-maxbackup', 'is 5, below 10'])],
  },
  'apiserver-audit-log-maxsize': {
    valid: [hardened, passes('200 MB', { set: ['--audit-log-maxsize=200'] })],
    invalid: [
      fails('50 MB', { set: ['--audit-log-maxsize=50'] }, ['--audit-log-maxsize', 'is 50, below 100']),
      fails('a unit is not a number', { set: ['--audit-log-maxsize=100Mi'] }, ['--audit-log-maxsize', 'not a whole number']),
    ],
  },
  'apiserver-service-account-lookup': {
    valid: [hardened, passes('explicitly true', { set: ['--service-account-lookup=true'] })],
    invalid: [fails('turned off', { set: ['--service-account-lookup=false'] }, ['--service-account-lookup', '--service-account-lookup is false'])],
  },
  'apiserver-service-account-key-file': {
    valid: [hardened],
    invalid: [fails('unset', { unset: ['--service-account-key-file'] }, ['--service-account-key-file', 'is not set'])],
  },
  'apiserver-etcd-client-cert': {
    valid: [hardened],
    invalid: [fails('no certificate', { unset: ['--etcd-certfile'] }, ['--etcd-certfile', '--etcd-certfile is not set'])],
  },
  'apiserver-tls-cert': {
    valid: [hardened],
    invalid: [fails('self-signed', { unset: ['--tls-cert-file', '--tls-private-key-file'] }, ['--tls-cert-file', 'is not set'], ['--tls-private-key-file', 'is not set'])],
  },
  'apiserver-client-ca-file': {
    valid: [hardened],
    invalid: [fails('unset', { unset: ['--client-ca-file'] }, ['--client-ca-file', '--client-ca-file is not set'])],
  },
  'apiserver-etcd-cafile': {
    valid: [hardened],
    invalid: [fails('unset', { unset: ['--etcd-cafile'] }, ['--etcd-cafile', '--etcd-cafile is not set'])],
  },
  'apiserver-encryption-provider-config': {
    valid: [hardened],
    invalid: [kubeadm.fails('kubeadm', {}, ['--encryption-provider-config', 'is not set'])],
  },
  'apiserver-tls-cipher-suites': {
    valid: [hardened, passes('TLS 1.3 names and ChaCha20', { set: ['--tls-cipher-suites=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'] })],
    invalid: [
      kubeadm.fails('Go defaults', {}, ['--tls-cipher-suites', 'is not set']),
      fails('CBC and RSA key exchange', { set: ['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_AES_256_GCM_SHA384'] }, [
        '--tls-cipher-suites',
        'includes TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_256_GCM_SHA384, outside the allowed list',
      ]),
    ],
  },
  'apiserver-sa-token-extend-expiration': {
    valid: [hardened],
    invalid: [
      kubeadm.fails('kubeadm', {}, ['--service-account-extend-token-expiration', 'is not set, and its default is true']),
      fails('bare flag means true', { set: ['--service-account-extend-token-expiration'] }, ['--service-account-extend-token-expiration', 'is true']),
    ],
  },
});
