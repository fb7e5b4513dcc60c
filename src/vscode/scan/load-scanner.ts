// Loads dist/scanner.js on first use. A plain runtime require() of a path esbuild cannot follow, so
// the SDK stays out of dist/extension.js and out of activation; Node caches the module afterwards.
import type { Scanner } from './scanner-api';

export function loadScanner(bundlePath: string): Scanner {
  // A runtime require on purpose: an import would make esbuild pull the SDK into the extension's bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded: unknown = require(bundlePath);
  const scanner = typeof loaded === 'object' && loaded !== null ? (loaded as { scanner?: Partial<Scanner> }).scanner : undefined;
  if (typeof scanner?.scanAccount !== 'function' || typeof scanner.listProfiles !== 'function' || typeof scanner.defaultRegion !== 'function') {
    throw new Error(`${bundlePath} is not the scanner bundle (no scanner export): reinstall the extension`);
  }
  return scanner as Scanner;
}
