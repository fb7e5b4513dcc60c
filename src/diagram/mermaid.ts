// The laid-out diagram as a Mermaid flowchart, for Markdown docs and PRs. Mermaid draws labels as
// HTML, so every name is written with Mermaid's entity codes (#lt; #gt; #quot; #amp; …) inside a
// quoted label and never as raw markup; ids are our own (n0, n1, …), never resource ids.
import type { Diagram, DiagramEdge, DiagramNode, Status } from './drawing';
import { kindName } from './render-tree';

/** Characters Mermaid's parser or its HTML labels would read as syntax, as its #code; entities. */
const ENTITIES: Record<string, string> = {
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '"': '#quot;',
  "'": '#39;',
  '#': '#35;',
  '`': '#96;',
  '|': '#124;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '(': '#40;',
  ')': '#41;',
  ';': '#59;',
  '\\': '#92;',
};

/** A label Mermaid shows as the text it is: one line, syntax and markup characters as entities. */
export function mermaidText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return oneLine.replace(/[&<>"'#`|[\]{}();\\]/g, (c) => ENTITIES[c] ?? c);
}

const CLASS_DEFS = [
  'classDef error stroke:#cf222e,stroke-width:2px',
  'classDef warning stroke:#9a6700,stroke-width:2px',
  'classDef info stroke:#0969da',
  'classDef missing stroke-dasharray:5 4',
];

const LINK_COLOURS: Partial<Record<Status, string>> = { error: '#cf222e', warning: '#9a6700', info: '#0969da' };

function nodeLabel(node: DiagramNode): string {
  const lines = [`${kindName(node.kind)}: ${node.label}`];
  if (node.detail !== undefined) lines.push(node.detail);
  if (node.status === 'error') lines.push('broken');
  // <br/> is Mermaid's own line break in a label; it is ours, the text around it is escaped.
  return lines.map(mermaidText).join('<br/>');
}

export function renderMermaid(diagram: Diagram): string {
  const ids = new Map<string, string>();
  const idOf = (nodeId: string): string => {
    let id = ids.get(nodeId);
    if (id === undefined) ids.set(nodeId, (id = `n${ids.size}`));
    return id;
  };
  const lines = ['flowchart LR', `  %% ${mermaidText(diagram.title)} — Serverless Network Map`];
  const classes: string[] = [];
  const emit = (node: DiagramNode, indent: string): void => {
    const id = idOf(node.id);
    if (node.children.length > 0) {
      lines.push(`${indent}subgraph ${id}["${nodeLabel(node)}"]`);
      for (const child of node.children) emit(child, `${indent}  `);
      lines.push(`${indent}end`);
    } else {
      lines.push(`${indent}${id}["${nodeLabel(node)}"]`);
    }
    if (node.status !== 'ok') classes.push(`  class ${id} ${node.status}`);
    if (node.missing === true) classes.push(`  class ${id} missing`);
  };
  for (const node of diagram.nodes) emit(node, '  ');
  const styles: string[] = [];
  diagram.edges.forEach((edge: DiagramEdge, index) => {
    const text = edge.label ?? (edge.status === 'ok' ? undefined : edge.reason);
    const arrow = edge.status === 'ok' ? '-->' : '-.->';
    const label = text === undefined ? '' : `|"${mermaidText(text)}"|`;
    lines.push(`  ${idOf(edge.source)} ${arrow}${label} ${idOf(edge.target)}`);
    const colour = LINK_COLOURS[edge.status];
    if (colour !== undefined) styles.push(`  linkStyle ${index} stroke:${colour},stroke-width:2px`);
  });
  return [...lines, ...CLASS_DEFS.map((c) => `  ${c}`), ...classes, ...styles, ''].join('\n');
}
