/** What tests against the test API server share: the default RBAC objects and a set of kubeconfigs to log in with. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { isRecord, list } from '../../../src/model/k8s.js';
import { kubeconfigFor, type Kubeconfig } from './kubeconfig.js';
import { TEST_TOKEN, type ApiServer } from './server.js';

export const EXEC_TOKEN = 'token-from-exec-plugin';
export const EXEC_USER = 'exec-plugin-user';

/** The objects of the shared k8s-rbac-bootstrap data (its files are `kind: List` documents). */
export function bootstrapRbac(dir: string): unknown[] {
  const testdata = join(dir, 'testdata');
  return readdirSync(testdata)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const document = load(readFileSync(join(testdata, file), 'utf8'));
      return isRecord(document) ? list(document.items) : [];
    });
}

export interface Logins {
  token: Kubeconfig;
  wrongToken: Kubeconfig;
  /** An exec credential plugin (a `node -e` script) that hands out EXEC_TOKEN, as EKS, GKE and AKS plugins do. */
  exec: Kubeconfig;
  remove(): void;
}

/** Kubeconfigs for the server: a valid token, a wrong one, and an exec plugin. The server must accept EXEC_TOKEN. */
export function loginsFor(server: ApiServer): Logins {
  const credential =
    "process.stdout.write(JSON.stringify({apiVersion:'client.authentication.k8s.io/v1beta1'," +
    "kind:'ExecCredential',status:{token:process.env.PLUGIN_TOKEN}}))";
  const logins = {
    token: kubeconfigFor(server, { token: TEST_TOKEN }),
    wrongToken: kubeconfigFor(server, { token: 'not-a-valid-token' }),
    exec: kubeconfigFor(server, { exec: { command: process.execPath, args: ['-e', credential], env: { PLUGIN_TOKEN: EXEC_TOKEN } } }),
  };
  return { ...logins, remove: () => Object.values(logins).forEach((config) => config.remove()) };
}
