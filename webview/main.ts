// Entry of dist/webview.js. In VS Code the page gets its API from acquireVsCodeApi(); a browser
// test defines acquireVsCodeApi to return a recorder before this script runs.
import { startDiagramPage } from './page';

const acquire = globalThis.acquireVsCodeApi;
if (acquire) startDiagramPage(acquire());
else console.error('Serverless Network Map: acquireVsCodeApi is not defined; the diagram page needs a host.');
