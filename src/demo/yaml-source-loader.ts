// Bundles get demo/template.yaml as text from esbuild's `text` loader. Running from source (tsx
// in tests, the CLI under tsx) has no such loader and Node would parse the YAML as JavaScript,
// so teach Node's require the same thing — only for source runs: inside a bundle this file's
// name ends in .js and the global hook stays off. (Same approach as src/diagram/css-source-loader.ts.)
import { readFileSync } from 'node:fs';
import Module from 'node:module';

type Loader = (module: { exports: unknown }, filename: string) => void;
const loaders = (Module as unknown as { _extensions: Record<string, Loader | undefined> })._extensions;

if (__filename.endsWith('.ts') && loaders['.yaml'] === undefined) {
  loaders['.yaml'] = (module, filename) => {
    module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
  };
}
