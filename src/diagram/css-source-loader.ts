// Bundles get media/diagram.css as text from esbuild's `text` loader. Running from source (tsx in
// tests, the CLI under tsx) has no such loader and Node would parse the CSS as JavaScript, so teach
// Node's require the same thing — only for source runs: inside a bundle this file's name ends in
// .js and the global hook, which would change how the whole extension host loads .css, stays off.
import { readFileSync } from 'node:fs';
import Module from 'node:module';

type Loader = (module: { exports: unknown }, filename: string) => void;
const loaders = (Module as unknown as { _extensions: Record<string, Loader | undefined> })._extensions;

if (__filename.endsWith('.ts') && loaders['.css'] === undefined) {
  loaders['.css'] = (module, filename) => {
    module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
  };
}
