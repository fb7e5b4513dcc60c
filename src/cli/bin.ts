// The process behind `serverless-network-map` (dist/cli.js starts it): wires main() to stdout,
// stderr, Ctrl-C and the exit code. Kept apart from main.ts so tests import main() without it.
import { main } from './main';
import type { Io } from './commands';

// The SDK warns Node 20 users that SDK releases after January 2027 will need Node 22. This CLI
// bundles a pinned SDK release, so the warning is about nothing the user runs: keep stderr clean.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const io: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
// Ctrl-C cancels a scan cleanly (nothing written); a second Ctrl-C exits at once.
const abort = new AbortController();
process.once('SIGINT', () => {
  abort.abort();
  process.once('SIGINT', () => process.exit(130));
});
void main(process.argv.slice(2), io, abort.signal).then((code) => {
  process.exitCode = code;
});
