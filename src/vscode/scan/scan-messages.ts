// What the user is told after a scan: the gaps it left, or why it failed and what to do. Pure (no
// `vscode`), so each sentence is unit-tested. Errors come from two bundles (the scanner's classes
// are not the extension's), so they are told apart by name, not instanceof.
import type { Finding } from '../../model/finding';
import type { Gap, Snapshot } from '../../model/snapshot';
import { serviceInRegion } from './service-names';

const MAX_NOTIFICATION_LENGTH = 600;

/**
 * Untrusted text (an endpoint's error body, a region from settings) made safe for a notification.
 * Notifications turn `[text](command:…)` into a clickable link, so the `](` that makes one is
 * broken apart; control characters and line breaks become spaces; the length is capped.
 */
export function notificationText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\]\s*\(/g, '] (');
  return oneLine.length > MAX_NOTIFICATION_LENGTH ? `${oneLine.slice(0, MAX_NOTIFICATION_LENGTH - 1)}…` : oneLine;
}

/** The warning after a scan with gaps, naming what could not be read; undefined when nothing is missing. */
export function gapWarning(gaps: readonly Gap[]): string | undefined {
  if (gaps.length === 0) return undefined;
  const reads = [...new Set(gaps.map((g) => serviceInRegion(g.service, g.region)))];
  const shown = reads.length > 5 ? `${reads.slice(0, 5).join(', ')} and ${reads.length - 5} more` : reads.join(', ');
  return notificationText(
    `The scan could not read ${shown}. The map shows everything else; "Gaps" in the Serverless Network Map tree says why.`,
  );
}

export type ScanFailure =
  | { kind: 'cancelled'; message: string }
  /** `openSettings`: the fix is a setting (the endpoint, a region), so the message offers to open them. */
  | { kind: 'failed'; message: string; openSettings: boolean };

export interface FailureContext {
  /** The `endpoint` setting the scan used ('' for AWS itself). */
  endpoint: string;
  /** Whether a previous scan is still shown. */
  hasPrevious: boolean;
}

function named(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The scanner's messages are clauses ("no usable AWS credentials …"): end them as a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.endsWith('.') ? trimmed : `${trimmed}.`;
}

/** One message for a failed or cancelled scan: what went wrong and what to do. */
export function describeScanFailure(error: unknown, context: FailureContext): ScanFailure {
  const { name, message } = named(error);
  const kept = context.hasPrevious ? ' The map still shows the last scan.' : '';
  if (name === 'AbortError') return { kind: 'cancelled', message: `Scan cancelled; nothing was saved.${kept}` };
  let fix = '';
  let openSettings = false;
  switch (name) {
    case 'NoCredentialsError':
      // Its message already says how to fix it (aws configure / aws sso login).
      break;
    case 'AccountIdentityError':
      openSettings = context.endpoint !== '';
      fix = openSettings
        ? ` Check that the endpoint ${context.endpoint} (setting serverlessNetworkMap.endpoint) is running, or clear the setting to scan AWS itself.`
        : ' Check the network connection (and proxy), then scan again.';
      break;
    case 'ScanOptionsError':
      openSettings = true;
      fix = ' Pick a valid region, or correct serverlessNetworkMap.regions.';
      break;
    default:
      fix = ' See the "Serverless Network Map" output for details.';
  }
  return { kind: 'failed', message: notificationText(`Scan failed: ${sentence(message)}${fix}${kept}`), openSettings };
}

/** The line after a scan that read everything: whose account, where, and what it found. */
export function scanSummary(snapshot: Snapshot, findings: readonly Finding[] | undefined): string {
  const resources = Object.values(snapshot.resources).reduce((sum, list) => sum + list.length, 0);
  const accounts = snapshot.accounts.map((a) => a.id).join(', ');
  const errors = findings?.filter((f) => f.severity === 'error').length;
  const found = findings === undefined ? '' : errors === 0 ? ', no broken paths' : `, ${errors} broken path${errors === 1 ? '' : 's'}`;
  return notificationText(`Scanned account ${accounts} in ${snapshot.regions.join(', ')}: ${resources} resources${found}.`);
}
