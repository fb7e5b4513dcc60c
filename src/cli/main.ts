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
