// Whole-engine properties of the issue: functions outside a VPC get no VPC findings; a function
// that needs nothing outside its VPC is fine without egress; a template and a live account give
// the same findings for the same network; fixes come machine-readable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/analysis/analyze';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { awsApiNeed, executionRole, invokeLambdaNeed, lambdaFunction, roleArn, statement, vpcFunction } from '../../builders/lambda';
import { FUNCTION_SG, network, networkResources, PRIVATE_A, PRIVATE_B, PUBLIC_A, securityGroup, tcpRule, VPC_ID } from '../../builders/network';
import { here, mergeResources, snapshotWith, type Item } from '../../builders/snapshot';

const VPC_CODES = new Set(['lambda-vpc-no-internet', 'lambda-vpc-no-aws-endpoint', 'lambda-vpc-public-subnet', 'lambda-vpc-eni-permissions', 'lambda-vpc-sg-blocks', 'route-blackhole', 'unverifiable-path']);

test('a function outside any VPC gets no VPC finding, however broken the VPC next to it is', () => {
  const net = network();
  net.nat.state = 'failed';
  net.securityGroups[0] = securityGroup(FUNCTION_SG, [], []);
  const fn = lambdaFunction('Refund', {
    roleArn: roleArn('refund-role'),
    needs: [invokeLambdaNeed, { kind: 'internet', host: 'api.tosspayments.com', via: 'env URL' }],
    permissions: [statement(['sqs:SendMessage'], 'SQSSendMessagePolicy')],
  });
  const findings = analyze(snapshotWith(mergeResources(networkResources(net), { lambdaFunctions: [fn], iamRoles: [executionRole('refund-role', { managedPolicyArns: [] })] })));
  assert.deepEqual(findings.filter((f) => f.resource.id === 'Refund' && VPC_CODES.has(f.code)), []);
});

test('a function that needs only what is inside its VPC is fine in private subnets with no way out', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  net.securityGroups.push(securityGroup('sg-db', [tcpRule(5432, { securityGroupIds: [FUNCTION_SG] })]));
  net.networkInterfaces.push({ ...here, id: 'eni-db', vpcId: VPC_ID, subnetId: PRIVATE_B, securityGroupIds: ['sg-db'], interfaceType: 'interface', privateIpAddress: '10.0.11.20' });
  const fn = vpcFunction('Reports', [PRIVATE_A, PRIVATE_B], [{ kind: 'vpc-target', targetId: 'eni-db', port: 5432, via: 'env DB_HOST' }]);
  const findings = analyze(snapshotWith(mergeResources(networkResources(net), { lambdaFunctions: [fn] })));
  assert.deepEqual(findings.filter((f) => f.resource.id === 'Reports'), []);
});

/** The same network as a scan sees it (local routes, default NACL listed) and as a template gives it (neither). */
function asTemplate(net: ReturnType<typeof network>): ReturnType<typeof network> {
  for (const table of [net.mainTable, net.publicTable, net.privateTable]) table.routes = table.routes.filter((r) => r.target !== 'local');
  net.networkAcls = [];
  return net;
}

test('a template and a live account give the same findings for the same network', () => {
  const fns: Item<'lambdaFunctions'>[] = [
    vpcFunction('Public', [PUBLIC_A], [invokeLambdaNeed]),
    vpcFunction('Mixed', [PRIVATE_A, PUBLIC_A], [awsApiNeed('sqs', 'sqs:SendMessage', 'SQSSendMessagePolicy')]),
    vpcFunction('Private', [PRIVATE_A, PRIVATE_B], [invokeLambdaNeed]),
  ];
  const describe = (net: ReturnType<typeof network>) =>
    analyze(snapshotWith(mergeResources(networkResources(net), { lambdaFunctions: fns }))).map((f) => `${f.code} ${f.resource.id} ${f.severity} ${f.message}`);
  const live = describe(network());
  assert.ok(live.length >= 3, live.join('\n'));
  assert.deepEqual(describe(asTemplate(network())), live);
});

test('lambda-vpc-no-aws-endpoint carries the endpoint to add, in the function\'s subnets (one per AZ) and allowing its groups', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  // No NAT gateway to route to: the endpoint is the self-contained fix.
  net.nat.state = 'deleted';
  const finding = onlyFinding('lambda-vpc-no-aws-endpoint', networkResources(net), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A, PRIVATE_B], [invokeLambdaNeed])] });
  assert.deepEqual(finding.fix, {
    kind: 'add-interface-endpoint',
    vpcId: VPC_ID,
    service: 'lambda',
    serviceName: 'com.amazonaws.ap-northeast-2.lambda',
    subnetIds: [PRIVATE_A, PRIVATE_B],
    sourceSecurityGroupIds: [FUNCTION_SG],
  });
});

test('no default route but a working NAT gateway in the VPC: the fix routes to it', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  const finding = onlyFinding('lambda-vpc-no-aws-endpoint', networkResources(net), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [invokeLambdaNeed])] });
  assert.match(finding.message, /Fix: route 0\.0\.0\.0\/0 from subnet-priv-a to NAT gateway nat-1, which reaches the internet; or add an interface endpoint/);
  assert.deepEqual(finding.fix, { kind: 'add-nat-route', routeTableIds: ['rtb-private'], destination: '0.0.0.0/0', natGatewayId: 'nat-1' });
});

test('one of two subnets public: the fix keeps the working subnet; all public: it moves to the NAT subnets', () => {
  const mixed = onlyFinding('lambda-vpc-no-aws-endpoint', networkResources(network()), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A, PUBLIC_A], [invokeLambdaNeed])] });
  assert.deepEqual(mixed.fix, { kind: 'move-to-subnets', functionId: 'Worker', subnetIds: [PRIVATE_A] });
  const allPublic = onlyFinding('lambda-vpc-public-subnet', networkResources(network()), { lambdaFunctions: [vpcFunction('Worker', [PUBLIC_A], [invokeLambdaNeed])] });
  assert.deepEqual(allPublic.fix, { kind: 'move-to-subnets', functionId: 'Worker', subnetIds: [PRIVATE_A, PRIVATE_B] });
});

test('needs derived from the role: its own role is an error, a role shared with other functions only a warning', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  const own = vpcFunction('Worker', [PRIVATE_A], [], { roleArn: roleArn('worker-role') });
  const role = executionRole('worker-role', { statements: [statement(['sqs:SendMessage'], 'inline policy queue')] });
  assert.equal(onlyFinding('lambda-vpc-no-aws-endpoint', networkResources(net), { lambdaFunctions: [own], iamRoles: [role] }).severity, 'error');
  const sibling = vpcFunction('Sibling', [PRIVATE_A], [], { roleArn: roleArn('worker-role') });
  const shared = findingsOf('lambda-vpc-no-aws-endpoint', networkResources(net), { lambdaFunctions: [own, sibling], iamRoles: [role] });
  assert.deepEqual(shared.map((f) => f.severity), ['warning', 'warning']);
  assert.match(
    shared[0]?.message ?? '',
    /^Sibling: its execution role \(shared with other functions\) allows sqs:SendMessage \(inline policy queue\), but its subnet subnet-priv-a has no 0\.0\.0\.0\/0 route at all \(route table rtb-private\); if it calls the SQS API, those calls hang until the function times out\./,
  );
});

test('calls to another region are not served by this region\'s endpoints', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  net.endpoints.push({ ...here, id: 'vpce-sqs', vpcId: VPC_ID, serviceName: 'com.amazonaws.ap-northeast-2.sqs', type: 'Interface', privateDnsEnabled: true, subnetIds: [PRIVATE_A], securityGroupIds: ['sg-endpoint'] });
  const local = vpcFunction('Local', [PRIVATE_A], [], { permissions: [statement(['sqs:SendMessage'], 'SQSSendMessagePolicy', ['arn:aws:sqs:ap-northeast-2:111122223333:q'])] });
  const remote = vpcFunction('Remote', [PRIVATE_A], [], { permissions: [statement(['sqs:SendMessage'], 'SQSSendMessagePolicy', ['arn:aws:sqs:us-east-1:111122223333:q'])] });
  const found = findingsOf('lambda-vpc-no-aws-endpoint', networkResources(net), { lambdaFunctions: [local, remote] });
  assert.deepEqual(found.map((f) => f.resource.id), ['Remote']);
  assert.match(found[0]?.message ?? '', /the SQS API in us-east-1/);
});
