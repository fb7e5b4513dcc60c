// Requests from the page to the host (export, save, open in template), each with an id; the
// host's `response` of that id is said in the status line. Kept apart from the drawing so
// page.ts reads as what the user does.
import type { HostMessage, PageRequest, SaveFile } from '../src/diagram/protocol';
import type { VsCodeApi } from './vscode-api';

/** How long the page waits for the host to save a file before saying it did not. */
const SAVE_TIMEOUT_MS = 15_000;

type Response = Extract<HostMessage, { type: 'response' }>;

export interface HostRequests {
  /** Sends a request; `done` prefixes the host's result in the status line. */
  request(request: PageRequest, done: string): void;
  /** Asks the host to save a file the page made; `what` names it for the user. */
  save(file: SaveFile, what: string): void;
  /** Says what the host answered, if the answer is to a request still waiting. */
  answered(response: Response): void;
}

export function createHostRequests(api: VsCodeApi, win: Window, say: (text: string) => void): HostRequests {
  let nextRequestId = 1;
  /** Requests sent to the host, by id, with what to say when the answer comes. */
  const pending = new Map<number, string>();
  return {
    request(request, done) {
      const requestId = nextRequestId++;
      pending.set(requestId, done);
      api.postMessage({ type: 'request', requestId, request });
    },
    save(file, what) {
      const requestId = nextRequestId++;
      pending.set(requestId, `Exported ${what}`);
      say(`Exporting ${what}…`);
      api.postMessage({ type: 'save', requestId, file });
      // A host that predates `save` never answers; say so rather than wait for ever.
      win.setTimeout(() => {
        if (pending.delete(requestId)) say(`The extension did not save the ${what} file; export SVG instead or update the extension.`);
      }, SAVE_TIMEOUT_MS);
    },
    answered(response) {
      const done = pending.get(response.requestId);
      if (done === undefined) return;
      pending.delete(response.requestId);
      say(response.ok ? `${done}: ${response.result}` : response.error);
    },
  };
}
