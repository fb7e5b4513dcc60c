import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameCovers } from '../../../src/analysis/dns-certificates';
import { domainResources, domainSetup } from '../../builders/domain';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';

test('wildcards cover exactly one leftmost label; exact names and SANs cover themselves', () => {
  assert.equal(nameCovers('*.example.com', 'api.example.com'), true);
  assert.equal(nameCovers('*.example.com', 'API.Example.com.'), true);
  assert.equal(nameCovers('*.example.com', 'example.com'), false);
  assert.equal(nameCovers('*.example.com', 'a.b.example.com'), false);
  assert.equal(nameCovers('*.example.com', 'notexample.com'), false);
  assert.equal(nameCovers('example.com', 'example.com.'), true);
  assert.equal(nameCovers('*.example.com', '*.example.com'), true);
});

test('domain-certificate-mismatch: a wildcard two labels up is an error on the domain, with the certificate hop broken', () => {
  const setup = domainSetup('a.b.example.com');
  setup.certificate.domainName = '*.example.com';
  setup.certificate.subjectAlternativeNames = ['*.example.com'];
  const finding = onlyFinding('domain-certificate-mismatch', domainResources(setup));
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.resource, { kind: 'domain-name', id: 'a.b.example.com' });
  assert.match(finding.message, /covers \*\.example\.com but not a\.b\.example\.com — a wildcard covers exactly one label/);
  assert.match(finding.message, /include a\.b\.example\.com \(or \*\.b\.example\.com\)/);
  assert.equal(hopTrail(finding).at(-1), `certificate:${setup.certificate.arn}:false`);
});

test('domain-certificate-mismatch: the apex with only a wildcard certificate; adding the apex as a SAN fixes it', () => {
  const setup = domainSetup('example.com');
  setup.certificate.domainName = '*.example.com';
  setup.certificate.subjectAlternativeNames = [];
  assert.match(onlyFinding('domain-certificate-mismatch', domainResources(setup)).message, /a wildcard does not cover the bare name example\.com/);
  setup.certificate.subjectAlternativeNames = ['*.example.com', 'example.com'];
  assert.deepEqual(findingsOf('domain-certificate-mismatch', domainResources(setup)), []);
});

test('domain-certificate-mismatch: a one-label wildcard (the seed story: *.example.com for dev.example.com) and a SAN match are clean', () => {
  const wildcard = domainSetup('dev.example.com');
  wildcard.certificate.domainName = '*.example.com';
  assert.deepEqual(findingsOf('domain-certificate-mismatch', domainResources(wildcard)), []);
  const san = domainSetup('shop.example.org');
  san.certificate.domainName = 'www.example.org';
  san.certificate.subjectAlternativeNames = ['www.example.org', 'Shop.Example.org'];
  assert.deepEqual(findingsOf('domain-certificate-mismatch', domainResources(san)), []);
});

test('domain-certificate-mismatch: a certificate for another name entirely, and one not in the snapshot (not judged)', () => {
  const setup = domainSetup('api.example.com');
  setup.certificate.domainName = 'api.example.org';
  assert.match(onlyFinding('domain-certificate-mismatch', domainResources(setup)).message, /covers api\.example\.org but not api\.example\.com, so clients reject the TLS handshake/);
  setup.domain.certificateArn = 'arn:aws:acm:ap-northeast-2:111122223333:certificate/elsewhere';
  assert.deepEqual(findingsOf('domain-certificate-mismatch', domainResources(setup)), []);
});

const arnIn = (region: string) => `arn:aws:acm:${region}:111122223333:certificate/11111111-2222-3333-4444-555555555555`;

test('domain-certificate-region: EDGE with a regional certificate is an error pointing at us-east-1', () => {
  const setup = domainSetup('edge.example.com');
  setup.domain.endpointType = 'EDGE';
  const finding = onlyFinding('domain-certificate-region', domainResources(setup));
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /edge\.example\.com is an edge-optimized domain, served by CloudFront, which uses ACM certificates from us-east-1 only, but its certificate .* is in ap-northeast-2/);
  assert.match(finding.message, /Fix: request or import a certificate for edge\.example\.com in us-east-1 .* set the domain's CertificateArn to it, or make the domain REGIONAL/);
  assert.ok(hopTrail(finding).includes(`certificate:${arnIn('ap-northeast-2')}:false`));
});

test('domain-certificate-region: EDGE in us-east-1 and REGIONAL in its own region are clean', () => {
  const edge = domainSetup('edge.example.com');
  edge.domain.endpointType = 'EDGE';
  edge.domain.certificateArn = arnIn('us-east-1');
  assert.deepEqual(findingsOf('domain-certificate-region', domainResources(edge)), []);
  assert.deepEqual(findingsOf('domain-certificate-region', domainResources(domainSetup())), []);
});

test('domain-certificate-region: REGIONAL (v1 or v2) with a certificate from us-east-1 is an error naming RegionalCertificateArn', () => {
  for (const apiVersion of ['v1', 'v2'] as const) {
    const setup = domainSetup('api.example.com');
    setup.domain.apiVersion = apiVersion;
    setup.domain.certificateArn = arnIn('us-east-1');
    const finding = onlyFinding('domain-certificate-region', domainResources(setup));
    assert.match(finding.message, /a regional domain in ap-northeast-2, which needs a certificate from ap-northeast-2, but its certificate .* is in us-east-1/);
    assert.match(finding.message, /RegionalCertificateArn \(in SAM: Domain\.CertificateArn\)/);
  }
});

test('domain-certificate-region: unknown ARNs and unknown regions (a template before deploy) are not judged', () => {
  const symbolic = domainSetup('api.example.com');
  symbolic.domain.certificateArn = '<parameter CertArn>';
  assert.deepEqual(findingsOf('domain-certificate-region', domainResources(symbolic)), []);
  const noRegion = domainSetup('api.example.com');
  noRegion.domain.region = '<region>';
  noRegion.domain.certificateArn = arnIn('us-east-1');
  assert.deepEqual(findingsOf('domain-certificate-region', domainResources(noRegion)), []);
});
