// Bundles the programs: the extension host (CJS, `vscode` external), its scanner (required on the
// first scan), its layout worker, the CLI, and the diagram page (browser IIFE). Everything ships inside these files; the VSIX needs no node_modules.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', loader: { '.yaml': 'text', '.css': 'text' }, define: { 'process.env.SNM_VERSION': JSON.stringify(version) } };

mkdirSync('dist', { recursive: true });
await Promise.all([
  build({ ...node, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The AWS SDK lives only here, required by the extension on the first scan: activation never loads it.
  build({ ...node, entryPoints: ['src/vscode/scan/scanner-entry.ts'], outfile: 'dist/scanner.js' }),
  // The diagram layout (ELK) runs in this worker thread of the extension host, off its event loop.
  build({ ...node, entryPoints: ['src/vscode/diagram/layout-worker.ts'], outfile: 'dist/layout-worker.js' }),
  build({ ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js' }),
]);
chmodSync('dist/cli.js', 0o755);
