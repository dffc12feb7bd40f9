/**
 * Loads kubeconfig files as kubectl does: an explicit file, else every file in KUBECONFIG merged (the first file to
 * name a cluster, user or context, or to set current-context, wins; missing files are skipped), else
 * ~/.kube/config, else the pod's service-account config when KUBERNETES_SERVICE_HOST is set. Credentials stay
 * client-node's business: its KubeConfig runs exec plugins and token files itself.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';

export interface KubeconfigOptions {
  /** A kubeconfig file, as `--kubeconfig`; replaces KUBECONFIG and the default file. */
  kubeconfig?: string;
  context?: string;
  /** Use the pod's service-account token and CA, ignoring kubeconfig files. */
  inCluster?: boolean;
}

function kubeconfigFiles(options: KubeconfigOptions): string[] {
  if (options.kubeconfig !== undefined && options.kubeconfig !== '') return [options.kubeconfig];
  const fromEnv = (process.env.KUBECONFIG ?? '').split(delimiter).filter((file) => file !== '');
  if (fromEnv.length > 0) return fromEnv.filter((file) => existsSync(file));
  const fallback = join(homedir(), '.kube', 'config');
  return existsSync(fallback) ? [fallback] : [];
}

function firstByName<T extends { name: string }>(groups: readonly T[][]): T[] {
  const byName = new Map<string, T>();
  for (const item of groups.flat()) if (!byName.has(item.name)) byName.set(item.name, item);
  return [...byName.values()];
}

function merged(files: readonly string[]): KubeConfig {
  const configs = files.map((file) => {
    const config = new KubeConfig();
    try {
      config.loadFromFile(file);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new Error(`cannot read the kubeconfig ${file}: ${reason}`);
    }
    return config;
  });
  const result = new KubeConfig();
  result.loadFromOptions({
    clusters: firstByName<Cluster>(configs.map((config) => config.getClusters())),
    users: firstByName<User>(configs.map((config) => config.getUsers())),
    contexts: firstByName<Context>(configs.map((config) => config.getContexts())),
    currentContext: configs.map((config) => config.getCurrentContext()).find((name) => typeof name === 'string' && name !== ''),
  });
  return result;
}

function inClusterConfig(): KubeConfig {
  const config = new KubeConfig();
  config.loadFromCluster();
  return config;
}

/** The merged kubeconfig the options point at, without choosing a context. */
export function loadKubeconfig(options: KubeconfigOptions = {}): KubeConfig {
  if (options.inCluster === true) return inClusterConfig();
  const files = kubeconfigFiles(options);
  if (files.length > 0) return merged(files);
  if ((process.env.KUBERNETES_SERVICE_HOST ?? '') !== '') return inClusterConfig();
  throw new Error('no kubeconfig found: set KUBECONFIG, pass --kubeconfig, create ~/.kube/config, or run inside a pod');
}
