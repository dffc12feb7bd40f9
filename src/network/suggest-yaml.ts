/** Suggested NetworkPolicies as multi-document YAML, headed by what was checked and what was left out. */
import { stringify } from 'yaml';
import type { Suggestion } from './suggest.js';

const comment = (text: string): string => `# ${text.replace(/[\r\n]+/g, ' ')}`;

export function suggestionYaml(suggestion: Suggestion, namespace: string): string {
  const { check } = suggestion;
  const header = [
    comment(`NetworkPolicies for namespace ${namespace}, suggested by kspm`),
    comment(`checked by kspm: ${check.allowed.length} flows allowed, ${check.denied.length} denied`),
    ...suggestion.notes.map((note) => comment(`note: ${note}`)),
  ];
  return `${header.join('\n')}\n${suggestion.policies.map((policy) => `---\n${stringify(policy)}`).join('')}`;
}
