import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainResources, domainSetup, ZONE_ID, type DomainSetup } from '../../builders/domain';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';
import { here } from '../../builders/snapshot';

const CODE = 'domain-certificate-not-issued';

function pending(): DomainSetup {
  const setup = domainSetup('api.example.com');
  setup.certificate.status = 'PENDING_VALIDATION';
  setup.certificate.validations = [
    { domainName: 'api.example.com', status: 'PENDING_VALIDATION', record: { name: '_a1.api.example.com.', type: 'CNAME', value: '_b2.acm-validations.aws.' } },
  ];
  return setup;
}

test('a pending certificate is an error naming the status and the missing validation CNAME', () => {
  const finding = onlyFinding(CODE, domainResources(pending()));
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /^api\.example\.com uses certificate 11111111-2222-3333-4444-555555555555 \(api\.example\.com\), which is PENDING_VALIDATION, not ISSUED/);
  assert.match(finding.message, /Fix: create CNAME _a1\.api\.example\.com\. → _b2\.acm-validations\.aws\. in hosted zone Z0000000000000000TEST \(example\.com\.\), where it is missing/);
  assert.ok(hopTrail(finding).includes('certificate:arn:aws:acm:ap-northeast-2:111122223333:certificate/11111111-2222-3333-4444-555555555555:false'));
  assert.ok(hopTrail(finding).includes('record:_a1.api.example.com.:false'));
});

test('when the CNAME is already in the zone, it points at the delegation instead', () => {
  const setup = pending();
  setup.records.push({ ...here, region: 'global', id: 'cname', zoneId: ZONE_ID, recordName: '_a1.api.example.com.', type: 'CNAME', values: ['_b2.acm-validations.aws.'] });
  const finding = onlyFinding(CODE, domainResources(setup));
  assert.match(finding.message, /is already in hosted zone Z0000000000000000TEST.*does not delegate example\.com\. to this zone's name servers/);
});

test('with no zone for the name in the snapshot, the record goes to whichever DNS provider serves it', () => {
  const setup = pending();
  setup.zone.zoneName = 'other.org.';
  assert.match(onlyFinding(CODE, domainResources(setup)).message, /at the DNS provider that serves api\.example\.com/);
});

test('expired and timed-out certificates say what to do', () => {
  const expired = domainSetup();
  expired.certificate.status = 'EXPIRED';
  assert.match(onlyFinding(CODE, domainResources(expired)).message, /EXPIRED, not ISSUED.*request a new certificate/);
  const timedOut = domainSetup();
  timedOut.certificate.status = 'VALIDATION_TIMED_OUT';
  assert.match(onlyFinding(CODE, domainResources(timedOut)).message, /72 hours/);
});

test('an ISSUED certificate, or one not in the snapshot: no finding', () => {
  assert.deepEqual(findingsOf(CODE, domainResources(domainSetup())), []);
  const unknown = pending();
  unknown.domain.certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/not-scanned';
  assert.deepEqual(findingsOf(CODE, domainResources(unknown)), []);
});
