// A small snapshot for the tree's pure tests, through the real schema so defaults apply.
import type { z } from 'zod';
import { snapshotSchema, type Snapshot } from '../../../src/model/snapshot';

type Resources = NonNullable<z.input<typeof snapshotSchema>['resources']>;
export const where = { accountId: '111122223333', region: 'eu-west-1' };

export function snapshotOf(resources: Resources, kind: 'demo' | 'scan' = 'scan'): Snapshot {
  return snapshotSchema.parse({
    version: 1,
    createdAt: '2026-11-21T00:00:00Z',
    source: { kind },
    accounts: [{ id: '111122223333', alias: 'shop' }],
    regions: ['eu-west-1'],
    resources,
  });
}

/**
 * One VPC (internet gateway, S3 endpoint) with a private subnet holding a function, a NAT gateway
 * and an ENI; a function outside any VPC; a domain → mapping → API → function chain, a domain
 * without a mapping; a hosted zone with the alias record.
 */
export function shopSnapshot(subnetName = 'private-a'): Snapshot {
  const fn = (name: string, vpc: boolean) => ({
    id: name,
    name,
    ...where,
    arn: `arn:aws:lambda:eu-west-1:111122223333:function:${name}`,
    runtime: 'nodejs22.x',
    ...(vpc ? { vpcConfig: { subnetIds: ['subnet-a'], securityGroupIds: ['sg-1'] } } : {}),
  });
  return snapshotOf({
    vpcs: [{ id: 'vpc-1', ...where, name: 'prod', cidrBlocks: ['10.0.0.0/16'] }],
    subnets: [{ id: 'subnet-a', ...where, name: subnetName, vpcId: 'vpc-1', cidrBlock: '10.0.1.0/24', availabilityZone: 'eu-west-1a' }],
    routeTables: [{ id: 'rtb-1', ...where, vpcId: 'vpc-1', main: true, subnetIds: [], routes: [{ destinationCidr: '0.0.0.0/0', target: 'nat-1' }] }],
    networkInterfaces: [
      { id: 'eni-1', ...where, vpcId: 'vpc-1', subnetId: 'subnet-a', securityGroupIds: ['sg-1'], interfaceType: 'lambda', privateIpAddress: '10.0.1.10', functionIds: ['orders'] },
    ],
    lambdaFunctions: [fn('orders', true), fn('thumbs', false)],
    apis: [{ id: 'api-1', ...where, name: 'shop-api', protocol: 'HTTP', stages: ['$default'], integrations: [{ route: 'GET /orders', functionArn: fn('orders', true).arn }] }],
    domainNames: [
      { id: 'api.shop.example', ...where, domainName: 'api.shop.example', apiVersion: 'v2', endpointType: 'REGIONAL', certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/c-1' },
      { id: 'old.shop.example', ...where, domainName: 'old.shop.example', apiVersion: 'v2', endpointType: 'REGIONAL' },
    ],
    apiMappings: [{ id: 'map-1', ...where, domainName: 'api.shop.example', apiId: 'api-1', stage: '$default' }],
    certificates: [{ id: 'arn:aws:acm:eu-west-1:111122223333:certificate/c-1', ...where, arn: 'arn:aws:acm:eu-west-1:111122223333:certificate/c-1', domainName: '*.shop.example', status: 'PENDING_VALIDATION' }],
    internetGateways: [{ id: 'igw-1', ...where, attachedVpcIds: ['vpc-1'] }],
    natGateways: [{ id: 'nat-1', ...where, vpcId: 'vpc-1', subnetId: 'subnet-a', state: 'available' }],
    vpcEndpoints: [{ id: 'vpce-1', ...where, vpcId: 'vpc-1', serviceName: 'com.amazonaws.eu-west-1.s3', type: 'Gateway' }],
    hostedZones: [{ id: 'Z1', ...where, region: 'global', zoneName: 'shop.example.', private: false }],
    recordSets: [
      { id: 'Z1/api.shop.example./A', ...where, region: 'global', zoneId: 'Z1', recordName: 'api.shop.example.', type: 'A', alias: { dnsName: 'd-1.execute-api.eu-west-1.amazonaws.com', hostedZoneId: 'Z2' } },
    ],
  });
}
