// YAML files imported as text: esbuild's `text` loader in bundles (scripts/build.mjs),
// yaml-source-loader.ts when running from source.
declare module '*.yaml' {
  const text: string;
  export default text;
}
