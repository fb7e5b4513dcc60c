// The progress line while a scan runs and the status-bar item after it: counts that add up, the
// profile and regions of the snapshot shown, and names from the user's files never read as icons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanProgressEvent } from '../../../src/aws/scan';
import { ScanProgressText } from '../../../src/vscode/scan/scan-progress';
import { regionsText, statusText } from '../../../src/vscode/scan/status-text';
import { shopSnapshot, snapshotOf } from './snapshot-builders';

const event = (service: ScanProgressEvent['service'], region: string, state: ScanProgressEvent['state']): ScanProgressEvent => ({
  service,
  region,
  state,
  accountId: '111122223333',
});

describe('scan progress line', () => {
  it('counts reads done out of reads started, and names those still running', () => {
    const progress = new ScanProgressText();
    assert.equal(progress.text(), '0/0 reads done');
    assert.equal(progress.update(event('ec2', 'eu-west-1', 'started')), '0/1 reads done · reading EC2 eu-west-1');
    progress.update(event('lambda', 'eu-west-1', 'started'));
    assert.equal(progress.update(event('route53', 'global', 'started')), '0/3 reads done · reading EC2 eu-west-1, Lambda eu-west-1, Route 53');
    progress.update(event('iam', 'global', 'started'));
    assert.equal(progress.text(), '0/4 reads done · reading EC2 eu-west-1, Lambda eu-west-1, Route 53 +1');
    assert.equal(progress.update(event('ec2', 'eu-west-1', 'done')), '1/4 reads done · reading Lambda eu-west-1, Route 53, IAM');
    assert.equal(progress.update(event('lambda', 'eu-west-1', 'failed')), '2/4 reads done (1 failed) · reading Route 53, IAM');
    progress.update(event('route53', 'global', 'done'));
    assert.equal(progress.update(event('iam', 'global', 'done')), '4/4 reads done (1 failed)');
  });

  it('ignores an end it never saw start (a stray event does not skew the count)', () => {
    const progress = new ScanProgressText();
    assert.equal(progress.update(event('acm', 'us-east-1', 'done')), '0/0 reads done');
  });
});

describe('status bar', () => {
  it('shows the profile and regions of a scan, with a tooltip saying when and through what', () => {
    const snapshot = { ...shopSnapshot(), source: { kind: 'scan' as const, profile: 'prod', endpoint: 'http://127.0.0.1:5000' } };
    const { text, tooltip } = statusText({ kind: 'shown', snapshot });
    assert.equal(text, '$(cloud) prod · eu-west-1');
    assert.equal(tooltip, 'Account 111122223333 (prod) in eu-west-1\nScanned 2026-11-21T00:00:00Z through http://127.0.0.1:5000\nClick to scan again');
  });

  it('says "default credentials" when no profile was named, and warns of gaps', () => {
    const snapshot = { ...shopSnapshot(), gaps: [{ service: 'iam', region: 'global', error: 'AccessDenied' }] };
    const { text, tooltip } = statusText({ kind: 'shown', snapshot });
    assert.equal(text, '$(cloud) default credentials · eu-west-1 $(warning)');
    assert.match(tooltip, /1 service read\(s\) failed: see "Gaps" in the tree/);
  });

  it('shortens many regions, and escapes icon syntax in a profile name', () => {
    assert.equal(regionsText(['eu-west-1', 'us-east-1']), 'eu-west-1, us-east-1');
    assert.equal(regionsText(['eu-west-1', 'us-east-1', 'ap-northeast-2']), 'eu-west-1 +2');
    const snapshot = { ...shopSnapshot(), source: { kind: 'scan' as const, profile: '$(bug) x' } };
    assert.equal(statusText({ kind: 'shown', snapshot }).text, '$(cloud) \\$(bug) x · eu-west-1');
  });

  it('says demo, nothing scanned, or scanning', () => {
    assert.equal(statusText({ kind: 'shown', snapshot: snapshotOf({}, 'demo') }).text, '$(cloud) Demo account');
    assert.equal(statusText({ kind: 'none' }).text, '$(cloud) Scan AWS account');
    assert.equal(statusText({ kind: 'scanning' }).text, '$(sync~spin) Scanning AWS…');
  });
});
