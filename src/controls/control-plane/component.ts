/**
 * Finds the containers of a Pod that run a control-plane component, by the command line rather than by the Pod's
 * name or labels: the first word is the binary (any directory), or the kube-up `go-runner` launcher followed by its
 * own flags and then the binary. Flags come from `command` followed by `args`.
 */
import { isRecord, list, record, type Container, type K8sObject, type PodSpec } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';
import { parseFlags, type FlagValue, type Flags, type Word } from './flags.js';

export interface Component {
  /** The binary's file name, e.g. `kube-apiserver`. */
  binary: string;
  /** A prefix of environment variables the binary reads as flags (`ETCD_CLIENT_CERT_AUTH` for `--client-cert-auth`). */
  envPrefix?: string;
  /** A flag that makes the binary ignore its other flags and read a configuration file instead. */
  configFileFlag?: string;
}

export const KUBE_APISERVER: Component = { binary: 'kube-apiserver' };
export const KUBE_CONTROLLER_MANAGER: Component = { binary: 'kube-controller-manager' };
export const KUBE_SCHEDULER: Component = { binary: 'kube-scheduler' };
export const ETCD: Component = { binary: 'etcd', envPrefix: 'ETCD_', configFileFlag: '--config-file' };

/** One container running the component. */
export interface Invocation {
  /** Where a missing flag belongs: the container's `command`, or its `args` when only they hold the command line. */
  commandPath: FieldPath;
  flags: Flags;
}

const LAUNCHER = 'go-runner';

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The words of the command line; an element that is not a string (which the API would refuse) reads as empty. */
function wordsOf(container: Container, containerPath: FieldPath): Word[] {
  return (['command', 'args'] as const).flatMap((field) =>
    list(container[field]).map((text, index) => ({ text: typeof text === 'string' ? text : '', path: [...containerPath, field, index] })),
  );
}

/** The index of the word naming the binary, or undefined when the command line runs something else. */
function binaryIndex(words: readonly Word[], binary: string): number | undefined {
  const first = words[0];
  if (first === undefined) return undefined;
  if (basename(first.text) === binary) return 0;
  if (basename(first.text) !== LAUNCHER) return undefined;
  let index = 1;
  while (words[index]?.text.startsWith('-')) index++;
  const candidate = words[index];
  return candidate !== undefined && basename(candidate.text) === binary ? index : undefined;
}

/** Flags given as environment variables with literal values; values from Secrets or ConfigMaps are not known here. */
function envFlags(container: Container, containerPath: FieldPath, prefix: string): Map<string, FlagValue> {
  const flags = new Map<string, FlagValue>();
  list(container.env).forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.name !== 'string' || !entry.name.startsWith(prefix) || typeof entry.value !== 'string') return;
    const flag = `--${entry.name.slice(prefix.length).toLowerCase().replaceAll('_', '-')}`;
    flags.set(flag, { value: entry.value, path: [...containerPath, 'env', index, 'value'] });
  });
  return flags;
}

/** The containers of a Pod that run the component, with their flags; none for other objects. */
export function invocationsOf(object: K8sObject, component: Component): Invocation[] {
  if (object.kind !== 'Pod') return [];
  const spec = record<PodSpec>(object.spec);
  return list(spec?.containers).flatMap((item, index) => {
    const container = record<Container>(item);
    if (!container) return [];
    const containerPath = ['spec', 'containers', index];
    const words = wordsOf(container, containerPath);
    const start = binaryIndex(words, component.binary);
    if (start === undefined) return [];
    const commandLine = parseFlags(words.slice(start + 1));
    const flags = component.envPrefix ? new Map([...envFlags(container, containerPath, component.envPrefix), ...commandLine]) : commandLine;
    if (component.configFileFlag && flags.has(component.configFileFlag)) return [];
    const commandPath = [...containerPath, list(container.command).length > 0 ? 'command' : 'args'];
    return [{ commandPath, flags }];
  });
}
