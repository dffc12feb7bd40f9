/** Label selectors in the string form of the `labelSelector` query parameter (equality-based and set-based). */
export type LabelPredicate = (labels: Record<string, unknown>) => boolean;

function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of selector) {
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    if (character === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== '');
}

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s+\(([^)]*)\)$`);
const EQUALITY = new RegExp(String.raw`^(${KEY})\s*(==|!=|=)\s*([-A-Za-z0-9_.]*)$`);
const EXISTS = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

function requirement(text: string): LabelPredicate | undefined {
  const set = SET.exec(text);
  if (set !== null) {
    const [, key = '', operator, values = ''] = set;
    const allowed = new Set(values.split(',').map((value) => value.trim()));
    return operator === 'in'
      ? (labels) => typeof labels[key] === 'string' && allowed.has(labels[key])
      : (labels) => !(typeof labels[key] === 'string' && allowed.has(labels[key]));
  }
  const equality = EQUALITY.exec(text);
  if (equality !== null) {
    const [, key = '', operator, value] = equality;
    return operator === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  const exists = EXISTS.exec(text);
  if (exists !== null) {
    const [, negated, key = ''] = exists;
    return negated === '!' ? (labels) => !(key in labels) : (labels) => key in labels;
  }
  return undefined;
}

/** A predicate over an object's labels, or undefined when the selector does not parse. */
export function parseLabelSelector(selector: string): LabelPredicate | undefined {
  const predicates: LabelPredicate[] = [];
  for (const text of splitRequirements(selector)) {
    const predicate = requirement(text);
    if (predicate === undefined) return undefined;
    predicates.push(predicate);
  }
  return (labels) => predicates.every((predicate) => predicate(labels));
}
