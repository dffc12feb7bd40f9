/** Escalation paths as people and scripts read them. */
import type { Json } from '../model/k8s.js';
import { describeNode, describePath, type EscalationPath } from './escalation/index.js';
import { describeBinding, describeRole } from './model.js';
import { describeSubject } from './users.js';

export function escalationsTable(paths: readonly EscalationPath[], hiddenSystem: number): string {
  const hidden = hiddenSystem > 0 ? ` (${hiddenSystem} more from Kubernetes' own subjects; --include-system lists them)` : '';
  if (paths.length === 0) return `No subject can reach more than it holds through the paths kspm follows.${hidden}\n`;
  const blocks = paths.map((path, index) => {
    const steps = path.steps.map((step, number) => {
      const grants = [...new Set(step.grants.map((grant) => `${describeBinding(grant.binding)} -> ${describeRole(grant.role)}`))];
      const by = grants.length > 0 ? `\n       by ${grants.join('; ')}` : '';
      return `    ${number + 1}. ${step.action} -> ${describeNode(step.to)}\n       ${step.explanation}${by}`;
    });
    return [
      `${index + 1}. ${describeSubject(path.start)} reaches ${path.reaches.description === path.reaches.kind ? path.reaches.kind : `${path.reaches.kind}: ${path.reaches.description}`}`,
      `   holds on its own: ${path.holds.kind} (${path.holds.description})`,
      `   ${describePath(path)}`,
      ...steps,
    ].join('\n');
  });
  return `${paths.length} escalation path${paths.length === 1 ? '' : 's'}, highest reach first${hidden}\n\n${blocks.join('\n\n')}\n`;
}

export function escalationsJson(paths: readonly EscalationPath[], hiddenSystem: number): string {
  const document = {
    hiddenSystemPaths: hiddenSystem,
    paths: paths.map((path) => ({
      start: path.start as unknown as Json,
      holds: path.holds as unknown as Json,
      reaches: path.reaches as unknown as Json,
      chain: describePath(path),
      steps: path.steps.map((step) => ({
        from: describeNode(step.from),
        to: describeNode(step.to),
        action: step.action,
        explanation: step.explanation,
        grants: step.grants.map((grant) => ({ binding: grant.binding, role: grant.role, rule: { from: grant.rule.from, index: grant.rule.index } })) as unknown as Json,
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
