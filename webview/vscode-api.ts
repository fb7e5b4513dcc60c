// What the page needs of VS Code's webview API, typed with our protocol. In VS Code it comes from
// acquireVsCodeApi(); a browser test hands the page a recorder with the same shape.
import type { PageMessage, PageState } from '../src/diagram/protocol';

export interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}

declare global {
  /** Defined by VS Code in webviews (callable once per page); absent in a plain browser. */
  var acquireVsCodeApi: (() => VsCodeApi) | undefined;
}
