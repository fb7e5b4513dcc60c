// What a person is told after a scan: gaps named, failures in one sentence with what to do, and
// untrusted text (an endpoint's error body) never turned into a clickable command link.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountIdentityError, NoCredentialsError, ScanCancelledError, ScanOptionsError } from '../../../src/aws/errors';
import type { Finding } from '../../../src/model/finding';
import { describeScanFailure, gapWarning, notificationText, scanSummary } from '../../../src/vscode/scan/scan-messages';
import { shopSnapshot } from './snapshot-builders';

describe('notification text', () => {
  it('breaks markdown links, so no command runs from a notification', () => {
    const text = notificationText('denied [click](command:workbench.action.terminal.sendSequence?%7B%7D) now');
    assert.equal(text, 'denied [click] (command:workbench.action.terminal.sendSequence?%7B%7D) now');
    assert.doesNotMatch(text, /\]\(/);
  });

  it('keeps one line and a bounded length', () => {
    assert.equal(notificationText('a\nb\r\n\tc'), 'a b c');
    const long = notificationText('x'.repeat(5000));
    assert.equal(long.length, 600);
    assert.ok(long.endsWith('…'));
  });
});

describe('gap warning', () => {
  it('says nothing when the scan read everything', () => {
    assert.equal(gapWarning([]), undefined);
  });

  it('names each unread service and region once, global services without a region', () => {
    const warning = gapWarning([
      { service: 'apigateway', region: 'ap-northeast-2', error: 'GetBasePathMappings: HTTP 500' },
      { service: 'apigateway', region: 'ap-northeast-2', error: 'another domain' },
      { service: 'iam', region: 'global', error: 'AccessDenied' },
    ]);
    assert.equal(
      warning,
      'The scan could not read API Gateway ap-northeast-2, IAM. The map shows everything else; "Gaps" in the Serverless Network Map tree says why.',
    );
  });

  it('counts the rest past five', () => {
    const gaps = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((r) => ({ service: 'ec2', region: `eu-${r}-1`, error: 'x' }));
    assert.match(gapWarning(gaps) ?? '', /EC2 eu-e-1 and 2 more\./);
  });
});

describe('scan failure message', () => {
  const atMoto = { endpoint: 'http://127.0.0.1:5000', hasPrevious: true };

  it('a cancelled scan is not an error, and the last scan stays', () => {
    assert.deepEqual(describeScanFailure(new ScanCancelledError(), atMoto), {
      kind: 'cancelled',
      message: 'Scan cancelled; nothing was saved. The map still shows the last scan.',
    });
  });

  it('an endpoint that is down: check that it runs, or clear the setting', () => {
    const failure = describeScanFailure(new AccountIdentityError(undefined, 'GetCallerIdentity: connection refused (is the endpoint running?)'), atMoto);
    assert.deepEqual(failure, {
      kind: 'failed',
      message:
        'Scan failed: could not identify the AWS account (sts:GetCallerIdentity): GetCallerIdentity: connection refused (is the endpoint running?). Check that the endpoint http://127.0.0.1:5000 (setting serverlessNetworkMap.endpoint) is running, or clear the setting to scan AWS itself. The map still shows the last scan.',
      openSettings: true,
    });
  });

  it('AWS itself unreachable: check the network, no settings to open', () => {
    const failure = describeScanFailure(new AccountIdentityError('prod', 'the endpoint host name does not resolve'), { endpoint: '', hasPrevious: false });
    assert.equal(failure.kind === 'failed' && failure.openSettings, false);
    assert.equal(
      failure.message,
      'Scan failed: could not identify the AWS account of profile "prod" (sts:GetCallerIdentity): the endpoint host name does not resolve. Check the network connection (and proxy), then scan again.',
    );
  });

  it('no credentials: the scanner’s own sentence already says how to fix it', () => {
    const failure = describeScanFailure(new NoCredentialsError('prod', 'the SSO session has expired'), { endpoint: '', hasPrevious: false });
    assert.match(failure.message, /^Scan failed: no usable AWS credentials from profile "prod": the SSO session has expired\. To fix: run `aws sso login --profile prod`/);
  });

  it('a bad region points at the setting', () => {
    const failure = describeScanFailure(new ScanOptionsError('not an AWS region name: "mars-1"'), { endpoint: '', hasPrevious: false });
    assert.deepEqual(failure, {
      kind: 'failed',
      message: 'Scan failed: not an AWS region name: "mars-1". Pick a valid region, or correct serverlessNetworkMap.regions.',
      openSettings: true,
    });
  });

  it('anything else points at the output, and an error body cannot become a link', () => {
    const failure = describeScanFailure(new Error('could not write [x](command:evil)'), { endpoint: '', hasPrevious: false });
    assert.equal(failure.message, 'Scan failed: could not write [x] (command:evil). See the "Serverless Network Map" output for details.');
  });
});

describe('scan summary', () => {
  it('says whose account, where, how much, and how many broken paths', () => {
    const snapshot = shopSnapshot();
    const error: Finding = { code: 'lambda-vpc-no-internet', severity: 'error', message: 'm', resource: { kind: 'function' } };
    assert.equal(scanSummary(snapshot, [error, { ...error, severity: 'warning' }]), 'Scanned account 111122223333 in eu-west-1: 16 resources, 1 broken path.');
    assert.equal(scanSummary(snapshot, []), 'Scanned account 111122223333 in eu-west-1: 16 resources, no broken paths.');
    assert.equal(scanSummary(snapshot, undefined), 'Scanned account 111122223333 in eu-west-1: 16 resources.');
  });
});
