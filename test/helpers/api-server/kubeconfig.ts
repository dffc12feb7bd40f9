/** Writes a kubeconfig for a test API server, so kubectl and client libraries can be pointed at it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';

export interface ExecPlugin {
  command: string;
  args?: string[];
  env?: Record<string, string>;
}

export type Credentials = { token: string } | { exec: ExecPlugin };

export interface Kubeconfig {
  path: string;
  contents: string;
  remove(): void;
}

function user(credentials: Credentials): Record<string, unknown> {
  if ('token' in credentials) return { token: credentials.token };
  const { command, args = [], env = {} } = credentials.exec;
  return {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command,
      args,
      env: Object.entries(env).map(([name, value]) => ({ name, value })),
      interactiveMode: 'Never',
      provideClusterInfo: false,
    },
  };
}

/** A kubeconfig whose current context reaches the server at `server.url` with the given credentials. */
export function kubeconfigFor(server: { url: string; certificateAuthority: string }, credentials: Credentials): Kubeconfig {
  const contents = dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster: {
      server: server.url,
      'certificate-authority-data': Buffer.from(server.certificateAuthority).toString('base64'),
    } }],
    users: [{ name: 'test', user: user(credentials) }],
    contexts: [{ name: 'test', context: { cluster: 'test', user: 'test', namespace: 'default' } }],
    'current-context': 'test',
    preferences: {},
  });
  const dir = mkdtempSync(join(tmpdir(), 'kspm-kubeconfig-'));
  const path = join(dir, 'config');
  writeFileSync(path, contents, { mode: 0o600 });
  return { path, contents, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
