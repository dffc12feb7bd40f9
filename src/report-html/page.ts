/** The page frame every kspm HTML report shares: a strict Content-Security-Policy, inline CSS, a header with the scan facts. */
import type { ReportHeader } from '../model/report.js';
import { text } from './escape.js';
import { STYLE } from './style.js';

/** What a report page says about the run that made it; a scan's ReportHeader has all of it. */
export type PageHeader = Pick<ReportHeader, 'tool' | 'startedAt' | 'inputs'>;

export interface PageSection {
  id: string;
  title: string;
  html: string;
}

function inputsText(inputs: readonly string[]): string {
  return inputs.length === 0 ? '-' : inputs.map((input) => (input === '-' ? '<stdin>' : input)).join(', ');
}

/** A whole HTML document: title, the run's facts, a table of contents and the sections in order. */
export function renderPage(title: string, header: PageHeader, facts: [string, string][], sections: PageSection[], preface = ''): string {
  const rows: [string, string][] = [
    ['Scan started', header.startedAt],
    ...facts,
    ['Inputs', inputsText(header.inputs)],
    ['Tool', `${header.tool.name} ${header.tool.version}`],
  ];
  const toc = sections.map((section) => `<a href="#${text(section.id)}">${text(section.title)}</a>`).join('');
  const body = sections.map((section) => `<section id="${text(section.id)}">\n<h2>${text(section.title)}</h2>\n${section.html}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(title)} ${text(header.startedAt)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>${text(title)}</h1>
<dl>${rows.map(([label, value]) => `<dt>${text(label)}</dt><dd>${text(value)}</dd>`).join('')}</dl>
</header>
<main>
<nav class="toc">${toc}</nav>
${preface}${body}
</main>
</body>
</html>
`;
}
