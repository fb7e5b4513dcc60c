// Small typed builders for diagram tests: each returns the input shape of one resource with
// sensible defaults, and `snapshotOf` runs the real schema so defaults and checks apply.
import type { z } from 'zod';
import type { Finding } from '../../../src/model/finding';
import { snapshotSchema, type Snapshot } from '../../../src/model/snapshot';

type Input = z.input<typeof snapshotSchema>;
type Resources = NonNullable<Input['resources']>;
type One<K extends keyof Resources> = NonNullable<Resources[K]>[number];

const where = { accountId: '111122223333', region: 'eu-west-1' };

export function snapshotOf(resources: Resources): Snapshot {
  return snapshotSchema.parse({
    version: 1,
    createdAt: '2026-11-21T00:00:00Z',
    source: { kind: 'scan' },
    accounts: [{ id: '111122223333' }],
    regions: ['eu-west-1'],
    resources,
  });
}

export function vpc(id: string, over: Partial<One<'vpcs'>> = {}): One<'vpcs'> {
  return { id, ...where, cidrBlocks: ['10.0.0.0/16'], ...over };
}

export function subnet(id: string, vpcId: string, cidrBlock: string, over: Partial<One<'subnets'>> = {}): One<'subnets'> {
  return { id, ...where, vpcId, cidrBlock, availabilityZone: 'eu-west-1a', ...over };
}

export function routeTable(id: string, vpcId: string, subnetIds: string[], defaultTarget?: string): One<'routeTables'> {
  const routes = [{ destinationCidr: '10.0.0.0/16', target: 'local' }];
  if (defaultTarget !== undefined) routes.push({ destinationCidr: '0.0.0.0/0', target: defaultTarget });
  return { id, ...where, vpcId, main: subnetIds.length === 0, subnetIds, routes };
}

export function lambda(name: string, over: Partial<One<'lambdaFunctions'>> = {}): One<'lambdaFunctions'> {
  return { id: name, name, ...where, arn: `arn:aws:lambda:eu-west-1:111122223333:function:${name}`, runtime: 'nodejs22.x', ...over };
}

export function inVpc(subnetIds: string[], securityGroupIds = ['sg-1']): One<'lambdaFunctions'>['vpcConfig'] {
  return { subnetIds, securityGroupIds };
}

/** One VPC, one private subnet, one function in it: the smallest picture with nesting. */
export function tinySnapshot(vpcName = 'prod'): Snapshot {
  return snapshotOf({
    vpcs: [vpc('vpc-1', { name: vpcName })],
    subnets: [subnet('subnet-a', 'vpc-1', '10.0.1.0/24', { name: 'private-a' })],
    routeTables: [routeTable('rtb-main', 'vpc-1', [])],
    lambdaFunctions: [lambda('orders', { vpcConfig: inVpc(['subnet-a']) })],
  });
}

/**
 * The seed stories in miniature: a VPC function that cannot reach the Lambda API, one placed in a
 * public subnet, a NAT-less private subnet, and a custom domain whose API mapping was forgotten.
 */
export function storySnapshot(): Snapshot {
  return snapshotOf({
    vpcs: [vpc('vpc-1', { name: 'prod' })],
    subnets: [
      subnet('subnet-pub', 'vpc-1', '10.0.0.0/24', { name: 'public-a' }),
      subnet('subnet-priv', 'vpc-1', '10.0.1.0/24', { name: 'private-a' }),
    ],
    routeTables: [routeTable('rtb-main', 'vpc-1', []), routeTable('rtb-pub', 'vpc-1', ['subnet-pub'], 'igw-1')],
    internetGateways: [{ id: 'igw-1', ...where, attachedVpcIds: ['vpc-1'] }],
    networkInterfaces: [
      { id: 'eni-cache', ...where, vpcId: 'vpc-1', subnetId: 'subnet-priv', securityGroupIds: ['sg-cache'], interfaceType: 'interface', description: 'ElastiCache sessions-001', privateIpAddress: '10.0.1.25' },
    ],
    lambdaFunctions: [
      lambda('orders', {
        vpcConfig: inVpc(['subnet-priv']),
        needs: [
          { kind: 'aws-api', service: 'lambda', action: 'lambda:InvokeFunction', via: 'LambdaInvokePolicy' },
          { kind: 'vpc-target', targetId: 'eni-cache', port: 6379, via: 'REDIS_HOST' },
        ],
      }),
      lambda('notifier', { vpcConfig: inVpc(['subnet-pub']), needs: [{ kind: 'internet', host: 'hooks.slack.com', via: 'SLACK_URL' }] }),
      lambda('web', { timeout: 30 }),
    ],
    apis: [
      {
        id: 'a1b2c3',
        ...where,
        name: 'shop-api',
        protocol: 'HTTP',
        endpointType: 'REGIONAL',
        stages: ['$default'],
        integrations: [{ route: 'ANY /{proxy+}', functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:web' }],
      },
    ],
    certificates: [
      { id: 'cert-1', ...where, arn: 'arn:aws:acm:eu-west-1:111122223333:certificate/1', domainName: '*.example.com', status: 'ISSUED' },
    ],
    domainNames: [
      { id: 'api.example.com', ...where, domainName: 'api.example.com', apiVersion: 'v2', endpointType: 'REGIONAL', certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/1', targetDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com' },
      { id: 'dev.example.com', ...where, domainName: 'dev.example.com', apiVersion: 'v2', endpointType: 'REGIONAL', certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/1', targetDomainName: 'd-dev.execute-api.eu-west-1.amazonaws.com' },
    ],
    apiMappings: [{ id: 'map-1', ...where, domainName: 'api.example.com', apiId: 'a1b2c3', stage: '$default' }],
    hostedZones: [{ id: 'Z1', ...where, region: 'global', zoneName: 'example.com.', private: false }],
    recordSets: [
      { id: 'Z1/api.example.com./A', ...where, region: 'global', zoneId: 'Z1', recordName: 'api.example.com.', type: 'A', alias: { dnsName: 'd-abc.execute-api.eu-west-1.amazonaws.com.', hostedZoneId: 'ZLY8HYME6SFDD' } },
      { id: 'Z1/dev.example.com./A', ...where, region: 'global', zoneId: 'Z1', recordName: 'dev.example.com.', type: 'A', alias: { dnsName: 'd-dev.execute-api.eu-west-1.amazonaws.com.', hostedZoneId: 'ZLY8HYME6SFDD' } },
    ],
  });
}

/** Findings shaped as src/analysis reports them (its hop kinds; a missing mapping named by its domain), for the story snapshot. */
export function storyFindings(): Finding[] {
  return [
    {
      code: 'lambda-vpc-no-aws-endpoint',
      severity: 'error',
      message: 'orders needs lambda:InvokeFunction but private-a has no NAT route and the VPC has no lambda endpoint',
      resource: { kind: 'lambda-function', id: 'orders' },
      hops: [
        { kind: 'lambda-function', id: 'orders', ok: true },
        { kind: 'subnet', id: 'subnet-priv', ok: true },
        { kind: 'route-table', id: 'rtb-main', ok: false, reason: 'no route to a NAT gateway and no lambda endpoint' },
        { kind: 'aws-service', id: 'lambda', ok: false, reason: 'no route to a NAT gateway and no lambda endpoint' },
      ],
    },
    {
      code: 'lambda-vpc-public-subnet',
      severity: 'error',
      message: 'notifier is in public-a, whose default route is an internet gateway: Lambda ENIs never get public IPs',
      resource: { kind: 'lambda-function', id: 'notifier' },
      hops: [
        { kind: 'lambda-function', id: 'notifier', ok: true },
        { kind: 'subnet', id: 'subnet-pub', ok: true },
        { kind: 'internet-gateway', id: 'igw-1', ok: false, reason: 'Lambda ENIs never get public IPs' },
      ],
    },
    {
      code: 'domain-no-mapping',
      severity: 'error',
      message: 'dev.example.com has no API mapping: requests get 403 Forbidden',
      resource: { kind: 'domain-name', id: 'dev.example.com' },
      hops: [
        { kind: 'hosted-zone', id: 'Z1', ok: true },
        { kind: 'record', id: 'Z1/dev.example.com./A', ok: true },
        { kind: 'domain-name', id: 'dev.example.com', ok: true },
        { kind: 'api-mapping', id: 'dev.example.com', ok: false, reason: 'no API mapping' },
      ],
    },
    {
      code: 'api-timeout-exceeds-integration',
      severity: 'warning',
      message: 'web times out after 30 s but shop-api gives up after 29 s',
      resource: { kind: 'lambda-function', id: 'web' },
      hops: [
        { kind: 'api', id: 'a1b2c3', ok: true },
        { kind: 'lambda-function', id: 'web', ok: false, reason: 'function timeout 30 s > integration timeout 29 s' },
      ],
    },
  ];
}
