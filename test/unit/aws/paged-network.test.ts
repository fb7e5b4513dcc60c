// Paging of the EC2, Lambda and IAM collectors over multi-page answers: every page read, each at
// the service's largest page size, each token sent back as given.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectEc2, EC2_PAGE_SIZE, EC2_ROUTE_TABLE_PAGE_SIZE } from '../../../src/aws/ec2';
import { collectIam, IAM_PAGE_SIZE } from '../../../src/aws/iam';
import { collectLambda, LAMBDA_PAGE_SIZE } from '../../../src/aws/lambda';
import { json, pageOf, startPageServer, xml, type PageServer, type RecordedRequest } from './page-server';
import { ACCOUNT, contextFor } from './scan-context-for';

const REGION = 'eu-central-1';
const subnetPages = [['subnet-1', 'subnet-2'], ['subnet-3'], ['subnet-4', 'subnet-5']];
const eniPages = [['eni-1'], ['eni-2']];
const functionPages = [['One', 'Two'], ['Three'], ['Four']];
const rolePages = [['r1'], ['r2', 'r3']];

// EC2 list elements by action; the ones without fixtures answer an empty first page.
const EC2_SETS: Record<string, string> = {
  DescribeVpcs: 'vpcSet',
  DescribeRouteTables: 'routeTableSet',
  DescribeInternetGateways: 'internetGatewaySet',
  DescribeEgressOnlyInternetGateways: 'egressOnlyInternetGatewaySet',
  DescribeNatGateways: 'natGatewaySet',
  DescribeVpcEndpoints: 'vpcEndpointSet',
  DescribeSecurityGroups: 'securityGroupInfo',
  DescribeNetworkAcls: 'networkAclSet',
  DescribeManagedPrefixLists: 'prefixListSet',
  DescribeVpcPeeringConnections: 'vpcPeeringConnectionSet',
  DescribeTransitGatewayVpcAttachments: 'transitGatewayVpcAttachments',
};

function ec2(request: RecordedRequest) {
  const action = request.form.get('Action') ?? '';
  const wrap = (inner: string) => xml(`<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId>${inner}</${action}Response>`);
  const next = (token?: string) => (token ? `<nextToken>${token}</nextToken>` : '');
  if (action === 'DescribeSubnets') {
    const page = pageOf(subnetPages, request.form.get('NextToken'));
    const items = page.items.map((id) => `<item><subnetId>${id}</subnetId><vpcId>vpc-1</vpcId><cidrBlock>10.0.0.0/24</cidrBlock><availabilityZone>${REGION}a</availabilityZone></item>`);
    return wrap(`<subnetSet>${items.join('')}</subnetSet>${next(page.next)}`);
  }
  if (action === 'DescribeNetworkInterfaces') {
    const page = pageOf(eniPages, request.form.get('NextToken'));
    const items = page.items.map((id) => `<item><networkInterfaceId>${id}</networkInterfaceId><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><interfaceType>lambda</interfaceType></item>`);
    return wrap(`<networkInterfaceSet>${items.join('')}</networkInterfaceSet>${next(page.next)}`);
  }
  const set = EC2_SETS[action];
  return set ? wrap(`<${set}/>`) : undefined;
}

function lambda(request: RecordedRequest) {
  if (request.operation !== 'GET /2015-03-31/functions') return undefined;
  const page = pageOf(functionPages, request.query.get('Marker'));
  return json({
    Functions: page.items.map((name) => ({ FunctionName: name, FunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`, Timeout: 3 })),
    ...(page.next ? { NextMarker: page.next } : {}),
  });
}

function iam(request: RecordedRequest) {
  if (request.form.get('Action') !== 'GetAccountAuthorizationDetails') return undefined;
  const page = pageOf(rolePages, request.form.get('Marker'));
  const allow = encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] }));
  const roles = page.items.map(
    (name) =>
      `<member><RoleName>${name}</RoleName><Arn>arn:aws:iam::${ACCOUNT}:role/${name}</Arn><RolePolicyList><member><PolicyName>p</PolicyName><PolicyDocument>${allow}</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies/></member>`,
  );
  const truncated = page.next ? `<IsTruncated>true</IsTruncated><Marker>${page.next}</Marker>` : '<IsTruncated>false</IsTruncated>';
  return xml(
    `<GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountAuthorizationDetailsResult><RoleDetailList>${roles.join('')}</RoleDetailList><Policies/>${truncated}</GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>`,
  );
}

let server: PageServer;
before(async () => {
  server = await startPageServer((r) => ec2(r) ?? lambda(r) ?? iam(r));
});
after(() => server.stop());

const sent = (operation: string, field: 'form' | 'query', name: string) =>
  server.requests.filter((r) => r.operation === operation).map((r) => r[field].get(name));

test('EC2: every page of subnets and ENIs, MaxResults at the API maximum, tokens passed back', async () => {
  const { ctx, gaps } = contextFor(server.endpoint, REGION);
  const network = await collectEc2(ctx, REGION);
  ctx.destroy();
  assert.deepEqual(gaps, []);
  assert.deepEqual(network.subnets.map((s) => s.id), subnetPages.flat());
  assert.deepEqual(network.networkInterfaces.map((e) => e.id), eniPages.flat());
  assert.deepEqual(sent('DescribeSubnets', 'form', 'NextToken'), [null, 'page-1', 'page-2']);
  assert.deepEqual(sent('DescribeSubnets', 'form', 'MaxResults'), Array(3).fill(String(EC2_PAGE_SIZE)));
  assert.deepEqual(sent('DescribeNetworkInterfaces', 'form', 'MaxResults'), Array(2).fill(String(EC2_PAGE_SIZE)));
  // Route tables cap at 100 a page (API_DescribeRouteTables).
  assert.deepEqual(sent('DescribeRouteTables', 'form', 'MaxResults'), [String(EC2_ROUTE_TABLE_PAGE_SIZE)]);
});

test('Lambda: ListFunctions page after page by Marker, 50 a page, no per-function call', async () => {
  const { ctx, counter } = contextFor(server.endpoint, REGION);
  const functions = await collectLambda(ctx, REGION);
  ctx.destroy();
  assert.deepEqual(functions.map((f) => f.id), functionPages.flat());
  assert.deepEqual(sent('GET /2015-03-31/functions', 'query', 'Marker'), [null, 'page-1', 'page-2']);
  assert.deepEqual(sent('GET /2015-03-31/functions', 'query', 'MaxItems'), Array(3).fill(String(LAMBDA_PAGE_SIZE)));
  assert.deepEqual([...counter.byOperation], [['lambda:ListFunctions', 3]]);
});

test('IAM: GetAccountAuthorizationDetails paged by Marker, 1000 a page, only the asked-for roles kept', async () => {
  const { ctx } = contextFor(server.endpoint, REGION);
  const roles = await collectIam(ctx, new Set([`arn:aws:iam::${ACCOUNT}:role/r1`, `arn:aws:iam::${ACCOUNT}:role/r3`]));
  ctx.destroy();
  assert.deepEqual(roles.map((r) => [r.id, r.allowedActions]), [['r1', ['sqs:SendMessage']], ['r3', ['sqs:SendMessage']]]);
  assert.deepEqual(sent('GetAccountAuthorizationDetails', 'form', 'Marker'), [null, 'page-1']);
  assert.deepEqual(sent('GetAccountAuthorizationDetails', 'form', 'MaxItems'), [String(IAM_PAGE_SIZE), String(IAM_PAGE_SIZE)]);
});
