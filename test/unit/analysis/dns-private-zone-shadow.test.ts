import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainResources, domainSetup } from '../../builders/domain';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { here } from '../../builders/snapshot';

const CODE = 'dns-private-zone-shadow';
const VPC = 'vpc-0a1b2c3d4e5f60718';

const privateZone = (name = 'example.com.') => ({ ...here, region: 'global', id: 'ZPRIVATE000000000000', zoneName: name, private: true, vpcIds: [VPC] });
const vpc = (dns: boolean) => ({ ...here, id: VPC, cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: dns, enableDnsHostnames: dns });

test('a private zone of the same name without the record: a warning on the private zone, naming the VPC and the fix', () => {
  const setup = domainSetup('api.example.com');
  const finding = onlyFinding(CODE, domainResources(setup), { hostedZones: [privateZone()], vpcs: [vpc(true)] });
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.resource, { kind: 'hosted-zone', id: 'ZPRIVATE000000000000' });
  assert.match(finding.message, /is private to vpc-0a1b2c3d4e5f60718, and inside that VPC it answers every name under example\.com — but it has no record for api\.example\.com, so that custom domain gets NXDOMAIN there/);
  assert.match(finding.message, /Fix: add the same alias record to this private zone/);
});

test('an error when a function in that VPC calls the custom domain', () => {
  const setup = domainSetup('api.example.com');
  const subnet = { ...here, id: 'subnet-1', vpcId: VPC, cidrBlock: '10.0.1.0/24', availabilityZone: 'ap-northeast-2a' };
  const fn = {
    ...here,
    id: 'Checkout',
    name: 'Checkout',
    arn: 'arn:aws:lambda:ap-northeast-2:111122223333:function:Checkout',
    vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
    needs: [{ kind: 'internet' as const, host: 'api.example.com', via: 'environment API_URL' }],
  };
  const finding = onlyFinding(CODE, domainResources(setup), { hostedZones: [privateZone()], vpcs: [vpc(true)], subnets: [subnet], lambdaFunctions: [fn] });
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /Checkout calls it from there and will fail/);
});

test('near misses: the private zone has the record (split horizon), the VPC has DNS off, the zone is for another name, a private custom domain', () => {
  const setup = domainSetup('api.example.com');
  const withRecord = { ...here, region: 'global', id: 'ZPRIVATE000000000000/api.example.com./A', zoneId: 'ZPRIVATE000000000000', recordName: 'api.example.com.', type: 'A', values: ['10.0.0.10'] };
  assert.deepEqual(findingsOf(CODE, domainResources(setup), { hostedZones: [privateZone()], recordSets: [withRecord] }), []);
  assert.deepEqual(findingsOf(CODE, domainResources(setup), { hostedZones: [privateZone()], vpcs: [vpc(false)] }), []);
  assert.deepEqual(findingsOf(CODE, domainResources(setup), { hostedZones: [privateZone('internal.example.com.')] }), []);
  const privateDomain = domainSetup('api.example.com');
  privateDomain.domain.endpointType = 'PRIVATE';
  assert.deepEqual(findingsOf(CODE, domainResources(privateDomain), { hostedZones: [privateZone()] }), []);
});
