// The one typed protocol between the extension host and the diagram page. Each message is a
// member of a discriminated union told apart by `type`; the guards below accept only
// well-formed messages, so neither side trusts what arrives through postMessage.
import type { Diagram } from './drawing';
import { isDiagram } from './diagram-guard';

/** What the page shows of the diagram: search text and filters, kept in PageState and settable by the host. */
export interface DiagramFilter {
  /** Show only this VPC (its boxes and what its boxes connect to). */
  vpcId?: string;
  /** Show only the boxes one finding code marks, and the arrows between them. */
  findingCode?: string;
  /** Hide boxes and arrows that have no finding (containers of broken ones stay). */
  hideHealthy?: boolean;
}

/** Host → page. */
export type HostMessage =
  | { type: 'showDiagram'; diagram: Diagram }
  | { type: 'reveal'; nodeId: string }
  /** Optional, for a tree search or filter command: the page works the same from its own toolbar. */
  | { type: 'search'; query: string }
  | { type: 'filter'; filter: DiagramFilter }
  | { type: 'response'; requestId: number; ok: true; result: string }
  | { type: 'response'; requestId: number; ok: false; error: string };

/** A file the page made that the host saves where the user picks. */
export type SaveFile = { format: 'png'; base64: string } | { format: 'mermaid'; text: string };

/** Page → host. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'select'; nodeId: string }
  | { type: 'request'; requestId: number; request: PageRequest }
  /**
   * A save request answered with a `response` of the same id. Its own message type (not a
   * PageRequest kind) so a host that does not know it yet simply never answers; the page says so.
   */
  | { type: 'save'; requestId: number; file: SaveFile };

/** Requests the page makes that the host answers with a `response` of the same id. */
export type PageRequest = { kind: 'exportSvg'; svg: string } | { kind: 'openInTemplate'; nodeId: string };

/** What the page keeps across reloads of the panel (VS Code's setState/getState). */
export interface PageState {
  selectedNodeId?: string;
  zoom?: number;
  panX?: number;
  panY?: number;
  query?: string;
  filter?: DiagramFilter;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

export function isDiagramFilter(value: unknown): value is DiagramFilter {
  return (
    isObject(value) &&
    optionalString(value.vpcId) &&
    optionalString(value.findingCode) &&
    (value.hideHealthy === undefined || typeof value.hideHealthy === 'boolean')
  );
}

/** PNG data is base64 only: anything else would not be a file we made. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isSaveFile(value: unknown): value is SaveFile {
  if (!isObject(value)) return false;
  if (value.format === 'png') return typeof value.base64 === 'string' && BASE64.test(value.base64);
  if (value.format === 'mermaid') return typeof value.text === 'string';
  return false;
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
    case 'save':
      return typeof value.requestId === 'number' && isSaveFile(value.file);
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
    case 'search':
      return typeof value.query === 'string';
    case 'filter':
      return isDiagramFilter(value.filter);
    case 'response':
      if (typeof value.requestId !== 'number') return false;
      return value.ok === true ? typeof value.result === 'string' : value.ok === false && typeof value.error === 'string';
    default:
      return false;
  }
}
