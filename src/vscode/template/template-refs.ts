// From the analysis' ids back to the template: a snapshot resource the template declares carries
// its logical id. Pure: no `vscode` import.
import type { Snapshot } from '../../model/snapshot';

/** The template's logical id of a snapshot resource, when the template declares it. */
export function logicalIdOf(snapshot: Snapshot, id: string): string | undefined {
  for (const list of Object.values(snapshot.resources) as ReadonlyArray<ReadonlyArray<{ id: string; logicalId?: string }>>) {
    const found = list.find((resource) => resource.id === id && resource.logicalId !== undefined);
    if (found) return found.logicalId;
  }
  return undefined;
}
