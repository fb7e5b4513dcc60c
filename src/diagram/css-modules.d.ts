// Stylesheets imported as text: esbuild's `text` loader in bundles (scripts/build.mjs),
// css-source-loader.ts when running from source.
declare module '*.css' {
  const text: string;
  export default text;
}
