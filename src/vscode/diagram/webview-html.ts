// The diagram page's HTML shell. Pure (no `vscode` import) so the CSP and the escaping are tested
// in plain Node. Only our bundled script (by nonce) and stylesheet load; nothing remote, no inline
// style or script, images only from the extension or data: URLs (PNG export).
import { randomBytes } from 'node:crypto';

export interface PageResources {
  /** `webview.cspSource`: the origin the webview serves extension files from. */
  cspSource: string;
  /** `asWebviewUri` of dist/webview.js and media/diagram.css, as strings. */
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

/** A fresh nonce per page load: 128 random bits, so no other script can guess it. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; script-src 'nonce-${nonce}';`;
}

export function diagramPageHtml({ cspSource, scriptUri, styleUri, nonce }: PageResources): string {
  const attr = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>Serverless Network Map</title>
</head>
<body>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
