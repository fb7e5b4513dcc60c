// The one typed protocol between the extension host and the diagram page. Each message is a
// member of a discriminated union told apart by `type`; the guards below accept only
// well-formed messages, so neither side trusts what arrives through postMessage.
import type { Diagram } from './drawing';
import { isDiagram } from './diagram-guard';

/** Host → page. */
export type HostMessage =
  | { type: 'showDiagram'; diagram: Diagram }
  | { type: 'reveal'; nodeId: string }
  | { type: 'response'; requestId: number; ok: true; result: string }
  | { type: 'response'; requestId: number; ok: false; error: string };

/** Page → host. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'select'; nodeId: string }
  | { type: 'request'; requestId: number; request: PageRequest };

/** Requests the page makes that the host answers with a `response` of the same id. */
export type PageRequest = { kind: 'exportSvg'; svg: string } | { kind: 'openInTemplate'; nodeId: string };

/** What the page keeps across reloads of the panel (VS Code's setState/getState). */
export interface PageState {
  selectedNodeId?: string;
  zoom?: number;
  panX?: number;
  panY?: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isPageMessage(value: unknown): value is PageMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'select':
      return typeof value.nodeId === 'string';
    case 'request': {
      const request = value.request;
      if (typeof value.requestId !== 'number' || !isObject(request)) return false;
      if (request.kind === 'exportSvg') return typeof request.svg === 'string';
      if (request.kind === 'openInTemplate') return typeof request.nodeId === 'string';
      return false;
    }
    default:
      return false;
  }
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'showDiagram':
      return isDiagram(value.diagram);
    case 'reveal':
      return typeof value.nodeId === 'string';
    case 'response':
      if (typeof value.requestId !== 'number') return false;
      return value.ok === true ? typeof value.result === 'string' : value.ok === false && typeof value.error === 'string';
    default:
      return false;
  }
}
