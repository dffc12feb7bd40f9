/**
 * A connection to one cluster: the chosen kubeconfig context and a GET that applies that context's TLS settings and
 * credentials through client-node (exec plugins, token files, client certificates, proxies), as client-go would.
 */
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { isRecord } from '../model/k8s.js';
import { ApiStatusError, ClusterAccessError } from './errors.js';
import { loadKubeconfig, type KubeconfigOptions } from './kubeconfig.js';

const REQUEST_TIMEOUT_MS = 60_000;

export interface ClusterConnection {
  context: string;
  cluster: string;
  server: string;
  /** The loaded kubeconfig with `context` current, for client-node APIs (watch, informers). */
  kubeConfig: KubeConfig;
  /**
   * GETs a path and parses the JSON answer. Throws ApiStatusError for an error status the caller can survive, and
   * ClusterAccessError when the cluster cannot be read at all (401, unreachable, credentials plugin failing).
   */
  get(path: string, query?: Readonly<Record<string, string>>, accept?: string): Promise<unknown>;
}

function statusMessage(body: string, status: number): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isRecord(parsed) && typeof parsed.message === 'string' && parsed.message !== '') return parsed.message;
  } catch {
    // not a Status document; fall through to the bare code
  }
  return `the server answered HTTP ${status}`;
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

function send(url: URL, options: RequestOptions): Promise<{ status: number; body: string }> {
  const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, options, (response) => {
      readBody(response).then((body) => resolve({ status: response.statusCode ?? 0, body }), reject);
    });
    outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000}s`)));
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Connects to the named context (or the current one) of the kubeconfig the options point at. */
export async function connect(options: KubeconfigOptions = {}): Promise<ClusterConnection> {
  const kubeConfig = loadKubeconfig(options);
  const contextName = options.context ?? kubeConfig.getCurrentContext();
  if (typeof contextName !== 'string' || contextName === '') throw new ClusterAccessError('the kubeconfig has no current context; pass --context');
  const context = kubeConfig.getContextObject(contextName);
  if (context === null) throw new ClusterAccessError(`context "${contextName}" is not in the kubeconfig`);
  kubeConfig.setCurrentContext(contextName);
  const cluster = kubeConfig.getCluster(context.cluster);
  if (cluster === null) throw new ClusterAccessError(`context "${contextName}" names cluster "${context.cluster}", which the kubeconfig lacks`);
  const where = `context "${contextName}" (server ${cluster.server})`;

  const get = async (path: string, query: Readonly<Record<string, string>> = {}, accept = 'application/json'): Promise<unknown> => {
    const options: RequestOptions = { method: 'GET', headers: { Accept: accept } };
    let answer: { status: number; body: string };
    try {
      // Servers behind a path prefix (Rancher, proxies) keep it: the API path is appended, not resolved.
      const url = new URL(cluster.server);
      url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`;
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      await kubeConfig.applyToHTTPSOptions(options);
      answer = await send(url, options);
    } catch (error) {
      throw new ClusterAccessError(`cannot reach ${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (answer.status === 401) {
      throw new ClusterAccessError(`${where} refused the credentials (401 Unauthorized): ${statusMessage(answer.body, 401)}`);
    }
    if (answer.status < 200 || answer.status >= 300) throw new ApiStatusError(answer.status, statusMessage(answer.body, answer.status), path);
    try {
      return JSON.parse(answer.body) as unknown;
    } catch {
      throw new ApiStatusError(answer.status, `${path} did not answer with JSON`, path);
    }
  };

  return { context: contextName, cluster: cluster.name, server: cluster.server, kubeConfig, get };
}
