import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupFromError } from '../../../src/dns/lookup';
import { dnsQuestions, isAskable } from '../../../src/dns/questions';
import { domainResources, domainSetup } from '../../builders/domain';
import { here, mergeResources, snapshotWith } from '../../builders/snapshot';

const asked = (snapshot: Parameters<typeof dnsQuestions>[0]) => dnsQuestions(snapshot).map((q) => `${q.type} ${q.name}`);

test('a domain raises its CNAME and A, and the NS of the zone it lives in', () => {
  assert.deepEqual(asked(snapshotWith(domainResources(domainSetup('API.Example.com.')))), ['A api.example.com', 'CNAME api.example.com', 'NS example.com']);
});

test('a pending certificate adds its validation CNAMEs and their zones; an issued one adds nothing', () => {
  const setup = domainSetup('api.example.com');
  setup.certificate.status = 'PENDING_VALIDATION';
  setup.certificate.validations = [
    { domainName: 'api.example.com', status: 'PENDING_VALIDATION', record: { name: '_a1.api.example.com.', type: 'CNAME', value: '_b2.acm-validations.aws.' } },
    { domainName: 'www.example.org', status: 'SUCCESS', record: { name: '_c3.www.example.org.', type: 'CNAME', value: '_d4.acm-validations.aws.' } },
  ];
  const questions = asked(snapshotWith(domainResources(setup)));
  assert.ok(questions.includes('CNAME _a1.api.example.com'));
  assert.ok(!questions.some((q) => q.includes('example.org')));
});

test('nothing for private domains, template stand-ins or wildcards; each question once; private zones never asked', () => {
  const privateDomain = domainSetup('internal.example.com');
  privateDomain.domain.endpointType = 'PRIVATE';
  const symbolic = domainSetup('<Sub api.${Domain}>');
  const twin = domainSetup('www.example.com');
  const privateZone = { ...here, region: 'global', id: 'ZPRIV', zoneName: 'example.com.', private: true, vpcIds: ['vpc-1'] };
  const questions = asked(snapshotWith(mergeResources({ domainNames: [privateDomain.domain, symbolic.domain] }, domainResources(twin), { hostedZones: [privateZone] })));
  assert.deepEqual(questions, ['NS example.com', 'A www.example.com', 'CNAME www.example.com']);
  assert.equal(isAskable('*.example.com'), false);
  assert.equal(isAskable('_acme.example.com'), true);
  assert.equal(isAskable('-bad.example.com'), false);
});

test('resolver errors become observations: NXDOMAIN and NODATA are answers, the rest "could not resolve" in words', () => {
  const q = { name: 'api.example.com', type: 'CNAME' } as const;
  const err = (code: string) => Object.assign(new Error(`query ${code}`), { code });
  assert.deepEqual(lookupFromError(q, err('ENOTFOUND')), { ...q, result: 'nx-domain', values: [] });
  assert.deepEqual(lookupFromError(q, err('ENODATA')), { ...q, result: 'no-data', values: [] });
  assert.deepEqual(lookupFromError(q, err('ETIMEOUT')), { ...q, result: 'failed', values: [], error: 'timed out' });
  assert.deepEqual(lookupFromError(q, err('ESERVFAIL')), { ...q, result: 'failed', values: [], error: 'server failure (SERVFAIL)' });
  assert.deepEqual(lookupFromError(q, err('EWEIRD')), { ...q, result: 'failed', values: [], error: 'EWEIRD' });
  assert.deepEqual(lookupFromError(q, new Error('socket hang up')), { ...q, result: 'failed', values: [], error: 'socket hang up' });
});
