// What the extension host and its layout worker (dist/layout-worker.js) say to each other. The
// worker lays out one map per request; the host tells requests apart by id, so an answer to a
// request it has since given up on is recognised and dropped. Pure: no `vscode`, no worker_threads.
import type { Diagram } from '../../diagram/drawing';
import { isDiagram } from '../../diagram/diagram-guard';
import type { Finding } from '../../model/finding';
import type { Snapshot } from '../../model/snapshot';

export interface LayoutRequest {
  id: number;
  snapshot: Snapshot;
  findings: Finding[];
}

export type LayoutAnswer = { id: number; ok: true; diagram: Diagram } | { id: number; ok: false; error: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The worker checks what it is asked only this far: the host built the request from a parsed snapshot. */
export function isLayoutRequest(value: unknown): value is LayoutRequest {
  return isObject(value) && typeof value.id === 'number' && isObject(value.snapshot) && Array.isArray(value.findings);
}

export function isLayoutAnswer(value: unknown): value is LayoutAnswer {
  if (!isObject(value) || typeof value.id !== 'number') return false;
  return value.ok === true ? isDiagram(value.diagram) : value.ok === false && typeof value.error === 'string';
}
