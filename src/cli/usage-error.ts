// Expected failures a person can fix (bad option, unreadable file): the CLI prints the message
// as one line and exits 2, never a stack trace.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
