// The embedded sample account behind `--demo`: the two stories of DOMAIN.md in one account
// (123456789012, ap-northeast-2), so everything runs without AWS. demo/snapshot.json is the
// account as a scan would see it; demo/template.yaml is the SAM template that deploys it.
import demoJson from '../../demo/snapshot.json';
import { parseSnapshot } from '../model/parse-snapshot';
import type { Snapshot } from '../model/snapshot';
import './yaml-source-loader';
import demoTemplate from '../../demo/template.yaml';

/** Where the demo template lives in this repository, for messages and diagnostics that name a file. */
export const DEMO_TEMPLATE_PATH_HINT = 'demo/template.yaml';

/** The text of demo/template.yaml (embedded in the bundle, so the VSIX needs no extra file). */
export const DEMO_TEMPLATE_TEXT: string = demoTemplate;

/** A fresh copy each call, parsed like any snapshot file, so callers may change it freely. */
export function demoSnapshot(): Snapshot {
  return parseSnapshot(structuredClone(demoJson));
}
