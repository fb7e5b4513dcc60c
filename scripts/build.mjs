// Bundles the programs: the extension host (CJS, `vscode` external), its scanner (required on the
// first scan), its layout worker, the CLI, and the diagram page (browser IIFE). Everything ships inside these files; the VSIX needs no node_modules.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', loader: { '.yaml': 'text', '.css': 'text' }, define: { 'process.env.SNM_VERSION': JSON.stringify(version) } };

mkdirSync('dist', { recursive: true });
rmSync('dist/cli', { recursive: true, force: true });
await Promise.all([
  build({ ...node, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The AWS SDK lives only here, required by the extension on the first scan: activation never loads it.
  build({ ...node, entryPoints: ['src/vscode/scan/scanner-entry.ts'], outfile: 'dist/scanner.js' }),
  // The diagram layout (ELK) runs in this worker thread of the extension host, off its event loop.
  build({ ...node, entryPoints: ['src/vscode/diagram/layout-worker.ts'], outfile: 'dist/layout-worker.js' }),
  // The CLI as ES modules split at its dynamic imports, so `check` loads neither the AWS SDK nor
  // ELK (loading one 10 MB bundle was most of a check's time); dist/cli.js (the bin) starts it.
  // The banner gives the bundled CommonJS code the `require` and `__filename` it uses in ES modules.
  build({
    ...node, format: 'esm', splitting: true, entryPoints: { main: 'src/cli/bin.ts' }, outdir: 'dist/cli', outExtension: { '.js': '.mjs' }, chunkNames: 'chunk-[hash]',
    banner: { js: "import { createRequire } from 'node:module'; import { fileURLToPath } from 'node:url'; const require = createRequire(import.meta.url); const __filename = fileURLToPath(import.meta.url);" },
  }),
  build({ ...common, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js' }),
]);
writeFileSync('dist/cli.js', '#!/usr/bin/env node\n// Starts the CLI (dist/cli/main.mjs and the chunks it imports when a command needs them).\nimport("./cli/main.mjs");\n');
chmodSync('dist/cli.js', 0o755);
