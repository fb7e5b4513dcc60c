// Runs the whole analysis on built resources and picks one code: rule tests then also prove
// that the rule is wired into analyze().
import { analyze } from '../../src/analysis/analyze';
import type { Finding, FindingCode } from '../../src/model/finding';
import { mergeResources, snapshotWith, type ResourcesInput } from './snapshot';

export function findingsOf(code: FindingCode, ...resources: ResourcesInput[]): Finding[] {
  return analyze(snapshotWith(mergeResources(...resources))).filter((f) => f.code === code);
}

/** The single finding of `code`; fails the test when there is not exactly one. */
export function onlyFinding(code: FindingCode, ...resources: ResourcesInput[]): Finding {
  const found = findingsOf(code, ...resources);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one ${code} finding, got ${found.length}: ${JSON.stringify(found, null, 2)}`);
  return found[0];
}

/** "kind:id:ok" per hop, for compact assertions. */
export function hopTrail(finding: Finding): string[] {
  return (finding.hops ?? []).map((h) => `${h.kind}:${h.id}:${h.ok}`);
}
