// The details pane for the selected box. Everything in it is set with textContent. A box whose
// resource a template declared offers "Go to template": the host opens the template there.
import type { DiagramNode } from '../src/diagram/drawing';
import { kindName } from '../src/diagram/render-tree';

const STATUS_TEXT = { ok: 'No findings', info: 'Note', warning: 'Warning', error: 'Broken' } as const;

function line(doc: Document, tag: string, text: string, className?: string): HTMLElement {
  const element = doc.createElement(tag);
  element.textContent = text;
  if (className !== undefined) element.className = className;
  return element;
}

export interface DetailsActions {
  goToTemplate(nodeId: string): void;
}

export function showDetails(pane: HTMLElement, node: DiagramNode | undefined, actions: DetailsActions): void {
  const doc = pane.ownerDocument;
  pane.replaceChildren();
  pane.hidden = node === undefined;
  if (!node) return;
  pane.append(line(doc, 'div', node.missing ? `missing ${kindName(node.kind)}` : kindName(node.kind), 'snm-kind'), line(doc, 'h2', node.label));
  if (node.detail !== undefined) pane.append(line(doc, 'p', node.detail));
  if (node.resourceId !== undefined && node.resourceId !== node.label) pane.append(line(doc, 'p', `id: ${node.resourceId}`));
  pane.append(line(doc, 'p', STATUS_TEXT[node.status], `status-${node.status}`));
  if (node.findings.length > 0) {
    const list = doc.createElement('ul');
    for (const finding of node.findings) list.append(line(doc, 'li', finding));
    pane.append(list);
  }
  if (node.logicalId !== undefined) {
    const go = line(doc, 'button', 'Go to template', 'snm-action') as HTMLButtonElement;
    go.type = 'button';
    go.title = `Open the template at ${node.logicalId}`;
    go.addEventListener('click', () => actions.goToTemplate(node.id));
    pane.append(go);
  }
}
