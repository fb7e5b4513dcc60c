// Turns untrusted JSON into a Snapshot, or says exactly what is wrong with it, so a bad file
// fails at the door with a readable reason instead of deep inside a rule.
import { SNAPSHOT_VERSION, snapshotSchema, type Snapshot } from './snapshot';

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

export function parseSnapshot(json: unknown): Snapshot {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new SnapshotError('not a snapshot: expected a JSON object');
  }
  const version = (json as { version?: unknown }).version;
  if (version === undefined) {
    throw new SnapshotError('not a snapshot: missing field "version"');
  }
  if (version !== SNAPSHOT_VERSION) {
    throw new SnapshotError(
      `unsupported snapshot version ${JSON.stringify(version)}: this build reads version ${SNAPSHOT_VERSION}; scan again to refresh it`,
    );
  }
  const result = snapshotSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `${path || '(top level)'}: ${issue.code === 'invalid_type' && issue.message.includes('undefined') ? 'missing field' : issue.message}`;
  });
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
  throw new SnapshotError(`invalid snapshot: ${problems.join('; ')}${more}`);
}

/** Parses snapshot text (a file's contents); JSON syntax errors become SnapshotErrors too. */
export function parseSnapshotText(text: string): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`not JSON: ${(error as Error).message}`);
  }
  return parseSnapshot(json);
}
