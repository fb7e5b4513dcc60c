import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainResources, domainSetup } from '../../builders/domain';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';

const CODE = 'domain-not-available';

test('a domain still UPDATING is a warning that says to wait; the domain hop is the broken one', () => {
  const setup = domainSetup('api.example.com');
  setup.domain.status = 'UPDATING';
  const finding = onlyFinding(CODE, domainResources(setup));
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /^api\.example\.com is UPDATING, not AVAILABLE.*Fix: wait for the update to finish/);
  assert.equal(hopTrail(finding).at(-1), 'domain-name:api.example.com:false');
});

test('a v2 domain waiting for ownership verification is an error naming what to give it', () => {
  const setup = domainSetup('api.example.com');
  setup.domain.apiVersion = 'v2';
  setup.domain.status = 'PENDING_OWNERSHIP_VERIFICATION';
  const finding = onlyFinding(CODE, domainResources(setup));
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /OwnershipVerificationCertificateArn/);
  setup.domain.status = 'PENDING_CERTIFICATE_REIMPORT';
  assert.match(onlyFinding(CODE, domainResources(setup)).message, /reimport the certificate/);
});

test('AVAILABLE (any case) is clean', () => {
  const setup = domainSetup('api.example.com');
  setup.domain.status = 'available';
  assert.deepEqual(findingsOf(CODE, domainResources(setup)), []);
});
