// serverless-network-map: the command line front end of DESIGN.md.
import { parseCommandLine, USAGE } from './args';
import { runCheck, runDiagram, type Io } from './commands';
import { UsageError } from './usage-error';

export async function main(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.name) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'scan':
        // Loaded on demand: the AWS SDK is most of the bundle, and check/diagram never need it.
        return await (await import('./scan-command.js')).runScan(command, io, signal);
      case 'check':
        return await runCheck(command, io);
      case 'diagram':
        return await runDiagram(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`serverless-network-map: ${error.message}\n`);
      return 2;
    }
    // Unexpected: still one line for the person, the stack only on request.
    io.stderr(`serverless-network-map: internal error: ${(error as Error).message} (set SNM_DEBUG=1 for details)\n`);
    if (process.env.SNM_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 2;
  }
}

if (require.main === module) {
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
  main(process.argv.slice(2), io, abort.signal).then((code) => {
    process.exitCode = code;
  });
}
