// The diagram page's shell: the exact CSP, our script by nonce, nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, diagramPageHtml, newNonce } from '../../../src/vscode/diagram/webview-html';

describe('diagram page html', () => {
  const nonce = newNonce();
  const html = diagramPageHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/diagram.css',
    nonce,
  });

  it('sets the strict policy: nothing by default, our styles and images, scripts only by nonce', () => {
    assert.equal(
      contentSecurityPolicy('https://x', 'abc'),
      "default-src 'none'; img-src https://x data:; style-src https://x; script-src 'nonce-abc';",
    );
    assert.ok(html.includes(`content="${contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', nonce)}"`));
  });

  it('loads exactly one script, carrying the nonce, and no inline code or style', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js">`]);
    assert.doesNotMatch(html, /<style|\sstyle=|\son\w+=/);
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const a = newNonce();
    assert.notEqual(a, newNonce());
    assert.ok(Buffer.from(a, 'base64').length >= 16);
  });
});
