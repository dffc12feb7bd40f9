// Label selectors as the API server reads them (metav1.LabelSelectorAsSelector): every matchLabels pair and every
// matchExpressions requirement must hold, so an empty selector selects everything. A selector the API server would
// reject (an unknown operator, In without values, Exists with values, a value that is not a string) selects nothing
// here: it is judged as protecting no pod rather than as protecting all of them.
import { isRecord, list } from './k8s.js';

type Labels = Readonly<Record<string, unknown>>;

function valuesOf(requirement: Record<string, unknown>): string[] | undefined {
  const { values } = requirement;
  if (values === undefined || values === null) return [];
  return Array.isArray(values) && values.every((value) => typeof value === 'string') ? values : undefined;
}

function meetsRequirement(requirement: unknown, labels: Labels): boolean {
  if (!isRecord(requirement) || typeof requirement.key !== 'string') return false;
  const values = valuesOf(requirement);
  if (!values) return false;
  const present = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'In':
      return values.length > 0 && present && values.includes(value as string);
    case 'NotIn':
      return values.length > 0 && (!present || !values.includes(value as string));
    case 'Exists':
      return values.length === 0 && present;
    case 'DoesNotExist':
      return values.length === 0 && !present;
    default:
      return false;
  }
}

/** Whether a LabelSelector (`{ matchLabels, matchExpressions }`) selects an object with these labels. */
export function selectorMatches(selector: unknown, labels: Labels): boolean {
  if (!isRecord(selector)) return false;
  const { matchLabels, matchExpressions } = selector;
  if (matchLabels !== undefined && matchLabels !== null && !isRecord(matchLabels)) return false;
  if (matchExpressions !== undefined && matchExpressions !== null && !Array.isArray(matchExpressions)) return false;
  const pairs = Object.entries(matchLabels ?? {});
  return (
    pairs.every(([key, value]) => typeof value === 'string' && labels[key] === value) &&
    list(matchExpressions).every((requirement) => meetsRequirement(requirement, labels))
  );
}
