/** The reachability matrix as a table, JSON, Graphviz DOT and Mermaid. */
import { INTERNET, isAllPorts, type Matrix } from './matrix.js';
import { describePorts } from './ports.js';

export const MATRIX_FORMATS = ['table', 'json', 'dot', 'mermaid'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

/** Control characters from object names must not reach a terminal or break a graph file. */
const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

function table(matrix: Matrix): string {
  const destinations = matrix.groups.length;
  const lines: string[] = [];
  const sources = [INTERNET, ...matrix.groups.map((group) => group.id)];
  for (const source of sources) {
    const out = matrix.edges.filter((edge) => edge.from === source);
    if (out.length === 0) continue;
    const toGroups = out.filter((edge) => edge.to !== INTERNET);
    const everywhere = toGroups.length === destinations && toGroups.every((edge) => isAllPorts(edge.ports));
    lines.push(`${printable(source)}`);
    if (everywhere) lines.push(`    -> every workload (${destinations}), all ports`);
    else for (const edge of toGroups) lines.push(`    -> ${printable(edge.to)}: ${describePorts(edge.ports)}`);
    const internet = out.find((edge) => edge.to === INTERNET);
    if (internet) lines.push(`    -> internet: ${describePorts(internet.ports)}`);
  }
  const members = matrix.groups.map((group) => `  ${printable(group.id)}: ${group.workloads.map(printable).join(', ')}`);
  return `Allowed connections (source, then what it may reach)\n\n${lines.join('\n') || 'none'}\n\nGroups (workloads with the same namespace and pod labels)\n${members.join('\n')}\n`;
}

function json(matrix: Matrix): string {
  const document = {
    groups: matrix.groups,
    edges: matrix.edges.map((edge) => ({ from: edge.from, to: edge.to, ports: describePorts(edge.ports), portSet: edge.ports })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const quoted = (text: string): string => `"${printable(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function dot(matrix: Matrix): string {
  const nodes = [`  ${quoted(INTERNET)} [shape=doublecircle];`, ...matrix.groups.map((group) => `  ${quoted(group.id)} [shape=box];`)];
  const edges = matrix.edges.map((edge) => `  ${quoted(edge.from)} -> ${quoted(edge.to)} [label=${quoted(describePorts(edge.ports))}];`);
  return `digraph reachability {\n  rankdir=LR;\n${[...nodes, ...edges].join('\n')}\n}\n`;
}

function mermaid(matrix: Matrix): string {
  const ids = new Map<string, string>([[INTERNET, 'internet']]);
  matrix.groups.forEach((group, index) => ids.set(group.id, `g${index}`));
  const label = (text: string) => `"${printable(text).replace(/"/g, '#quot;')}"`;
  const nodes = [`  internet((${label(INTERNET)}))`, ...matrix.groups.map((group) => `  ${ids.get(group.id)}[${label(group.id)}]`)];
  const edges = matrix.edges.map((edge) => `  ${ids.get(edge.from)} -->|${label(describePorts(edge.ports))}| ${ids.get(edge.to)}`);
  return `flowchart LR\n${[...nodes, ...edges].join('\n')}\n`;
}

export function renderMatrix(matrix: Matrix, format: MatrixFormat): string {
  switch (format) {
    case 'table':
      return table(matrix);
    case 'json':
      return json(matrix);
    case 'dot':
      return dot(matrix);
    case 'mermaid':
      return mermaid(matrix);
  }
}
