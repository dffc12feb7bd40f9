/**
 * The kubelet's effective settings as the kubelet itself resolves them: a command-line flag overrides the `--config`
 * file, and a setting neither gives takes the kubelet's default. Four defaults differ with and without a config
 * file: without one the kubelet keeps its legacy command-line defaults (anonymous requests allowed, AlwaysAllow
 * authorization, read-only port 10255); with one, the KubeletConfiguration defaults (denied, Webhook, 0).
 */
import { pairsOf, type Flags } from '../controls/control-plane/flags.js';
import { isRecord } from '../model/k8s.js';
import type { NodeFacts, ProcessFacts } from './facts.js';
import { flagsOf, processOf } from './processes.js';

export interface KubeletView {
  process: ProcessFacts;
  flags: Flags;
  /** The parsed `--config` file, when the kubelet has one and it could be read. */
  config?: Readonly<Record<string, unknown>>;
  configPath?: string;
}

/** Where a setting's value came from, for the report. */
export type SettingSource = 'flag' | 'config' | 'default' | 'unset';

export interface Setting {
  /** The value as a flag would write it (`false`, `0`, `a,b`); undefined when unset and without a default. */
  value?: string;
  source: SettingSource;
  /** `--anonymous-auth` or `authentication.anonymous.enabled in /var/lib/kubelet/config.yaml`. */
  where: string;
}

export interface SettingSpec {
  flag: string;
  /** The KubeletConfiguration field path, as dotted keys; absent for settings that are flags only. */
  config?: string;
  /** The kubelet's default when it reads a config file, and when it does not (legacy command-line defaults). */
  defaultWithConfig?: string;
  defaultWithoutConfig?: string;
}

export function kubeletView(facts: NodeFacts): KubeletView | undefined {
  const process = processOf(facts.processes, 'kubelet');
  if (!process) return undefined;
  return { process, flags: flagsOf(process), config: facts.kubeletConfig?.config, configPath: facts.kubeletConfig?.path };
}

export function setting(view: KubeletView, spec: SettingSpec): Setting {
  const flag = view.flags.get(spec.flag);
  if (flag) return { value: flag.value, source: 'flag', where: spec.flag };
  if (spec.config && view.configPath !== undefined) {
    const value = valueAt(view.config, spec.config);
    if (value !== undefined) return { value: asFlagText(value), source: 'config', where: `${spec.config} in ${view.configPath}` };
  }
  const fallback = view.configPath !== undefined ? spec.defaultWithConfig : spec.defaultWithoutConfig;
  const where = spec.config ? `${spec.flag} / ${spec.config}` : spec.flag;
  return fallback === undefined ? { source: 'unset', where } : { value: fallback, source: 'default', where };
}

/** A feature gate: `--feature-gates` entries override the config's `featureGates`; undefined when neither names it. */
export function featureGate(view: KubeletView, gate: string): Setting | undefined {
  const flag = view.flags.get('--feature-gates');
  const fromFlag = flag ? pairsOf(flag.value).get(gate) : undefined;
  if (fromFlag !== undefined) return { value: fromFlag, source: 'flag', where: `--feature-gates ${gate}` };
  const fromConfig = valueAt(view.config, `featureGates.${gate}`);
  if (fromConfig !== undefined && view.configPath !== undefined) {
    return { value: asFlagText(fromConfig), source: 'config', where: `featureGates.${gate} in ${view.configPath}` };
  }
  return undefined;
}

function valueAt(root: Readonly<Record<string, unknown>> | undefined, dotted: string): unknown {
  let current: unknown = root;
  for (const key of dotted.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current === null ? undefined : current;
}

function asFlagText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}

/** Describes a setting for a report: `false (--anonymous-auth)`, `unset`, `true (default)`. */
export function describeSetting(setting: Setting): string {
  if (setting.source === 'unset') return `not set (${setting.where})`;
  if (setting.source === 'default') return `${setting.value} (kubelet default; ${setting.where} not set)`;
  return `${setting.value} (${setting.where})`;
}
