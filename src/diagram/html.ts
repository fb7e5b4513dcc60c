// A self-contained HTML page of the diagram: the stylesheet inlined, the SVG, a legend and the
// findings. It carries no script and a CSP that forbids any, so even a mistake in escaping could
// not run code from a resource name.
import type { Finding } from '../model/finding';
import type { Diagram, DiagramFinding } from './drawing';
import { DIAGRAM_CSS } from './css-text';
import { escapeAttribute, escapeText, renderSvgElement } from './svg';

const SEVERITY_WORDS: Record<DiagramFinding['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

type Listed = Pick<DiagramFinding, 'code' | 'severity' | 'message'> & Pick<Finding, 'file' | 'range'>;

function findingItem(finding: Listed): string {
  const where = finding.file === undefined ? '' : ` <code>${escapeText(finding.file)}${finding.range ? `:${finding.range.start.line + 1}` : ''}</code>`;
  return `<li class="status-${escapeAttribute(finding.severity)}"><strong>${SEVERITY_WORDS[finding.severity]}</strong> <code>${escapeText(finding.code)}</code> ${escapeText(finding.message)}${where}</li>`;
}

function findingsSection(findings: readonly Listed[]): string {
  if (findings.length === 0) return '<h2>Findings</h2>\n<p>No broken paths found.</p>';
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return `<h2>Findings (${findings.length})</h2>\n<ul class="snm-findings">\n${sorted.map(findingItem).join('\n')}\n</ul>`;
}

const LEGEND = `<ul class="snm-legend" aria-label="Legend">
<li><span class="snm-swatch"></span>path ok</li>
<li><span class="snm-swatch status-error"></span>broken hop (error)</li>
<li><span class="snm-swatch status-warning"></span>risky hop (warning)</li>
<li><span class="snm-swatch missing"></span>missing resource</li>
</ul>`;

/**
 * The page for a laid-out diagram. `findings` (the full list, with template locations) replaces
 * the diagram's own summary in the list below the picture when given.
 */
export function renderHtml(diagram: Diagram, findings?: readonly Finding[]): string {
  // The CSS is ours, not data; it only must not close its <style> element early.
  const css = DIAGRAM_CSS.replace(/<\/style/gi, '<\\/style');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeText(diagram.title)} — Serverless Network Map</title>
<style>
${css}
</style>
</head>
<body class="snm-static">
<h1>${escapeText(diagram.title)}</h1>
${LEGEND}
<div class="snm-scroll">
${renderSvgElement(diagram)}
</div>
${findingsSection(findings ?? diagram.findings)}
</body>
</html>
`;
}
