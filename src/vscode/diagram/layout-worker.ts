// Entry of dist/layout-worker.js: a Node worker thread of the extension host that runs ELK, so a
// layout of thousands of boxes (seconds of CPU) never blocks the host's event loop, which serves
// every extension in the window. One request at a time; the host terminates the thread to cancel.
import { parentPort } from 'node:worker_threads';
import { layoutDiagram } from '../../diagram/layout';
import { isLayoutRequest, type LayoutAnswer } from './layout-messages';

const port = parentPort;
if (!port) throw new Error('layout-worker.js runs only as a worker thread of the extension host.');

port.on('message', (message: unknown) => {
  if (!isLayoutRequest(message)) {
    port.postMessage({ id: -1, ok: false, error: 'The layout worker was sent something that is not a layout request.' } satisfies LayoutAnswer);
    return;
  }
  layoutDiagram(message.snapshot, message.findings).then(
    (diagram) => port.postMessage({ id: message.id, ok: true, diagram } satisfies LayoutAnswer),
    (error: unknown) => port.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies LayoutAnswer),
  );
});
