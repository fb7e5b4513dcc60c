// serverless-network-map: the command line front end of DESIGN.md.
import { parseCommandLine, USAGE } from './args';
import { runCheck, runDiagram, type Io } from './commands';
import { UsageError } from './usage-error';

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.name) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
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
  const io: Io = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
