import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { invokeLambdaNeed, vpcFunction } from '../../builders/lambda';
import { defaultRoute, network, networkResources, NAT_ID, PRIVATE_A, PRIVATE_B, securityGroup, tcpRule, FUNCTION_SG, VPC_ID } from '../../builders/network';
import { here, type Item } from '../../builders/snapshot';

const CODE = 'route-blackhole';
type Need = NonNullable<Item<'lambdaFunctions'>['needs']>[number];

test('the private table\'s default route is a blackhole: one finding on the route table, naming who loses what, and the working NAT to use', () => {
  const net = network();
  net.privateTable.routes = [net.privateTable.routes[0] ?? defaultRoute('local'), defaultRoute('nat-0deleted', 'blackhole')];
  // nat-1 still works (it serves nothing now): the fix points the route at it.
  const fns = [vpcFunction('Worker', [PRIVATE_A, PRIVATE_B], [invokeLambdaNeed]), vpcFunction('Notifier', [PRIVATE_B], [{ kind: 'internet', host: 'hooks.slack.com', via: 'env SLACK_URL' }])];
  const finding = onlyFinding(CODE, networkResources(net), { lambdaFunctions: fns });
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.resource, { kind: 'route-table', id: 'rtb-private' });
  assert.equal(
    finding.message,
    'Route table rtb-private sends 0.0.0.0/0 to nat-0deleted, a blackhole route (its target no longer exists), so what functions in ' +
      'subnets subnet-priv-a and subnet-priv-b need goes nowhere: Worker (the Lambda API) and Notifier (the internet). ' +
      `Fix: point 0.0.0.0/0 at NAT gateway ${NAT_ID}, which reaches the internet, or delete the route.`,
  );
  assert.deepEqual(finding.fix, { kind: 'replace-blackhole-route', routeTableId: 'rtb-private', destination: '0.0.0.0/0', target: NAT_ID });
  // The functions keep their own findings: what each one cannot do.
  assert.equal(findingsOf('lambda-vpc-no-aws-endpoint', networkResources(net), { lambdaFunctions: fns }).length, 1);
});

test('a blackhole no needed path takes is left alone', () => {
  const net = network();
  net.privateTable.routes.push({ destinationCidr: '192.168.0.0/16', target: 'pcx-gone', state: 'blackhole' });
  assert.deepEqual(findingsOf(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [invokeLambdaNeed])] }), []);
});

test('a more specific blackhole route on the way to an in-VPC target is found too', () => {
  const net = network();
  net.securityGroups.push(securityGroup('sg-db', [tcpRule(5432, { securityGroupIds: [FUNCTION_SG] })]));
  net.networkInterfaces.push({ ...here, id: 'eni-db', vpcId: VPC_ID, subnetId: PRIVATE_B, securityGroupIds: ['sg-db'], interfaceType: 'interface', description: 'RDSNetworkInterface', privateIpAddress: '10.0.11.20' });
  net.privateTable.routes.push({ destinationCidr: '10.0.11.0/24', target: 'eni-firewall-gone', state: 'blackhole' });
  const need: Need = { kind: 'vpc-target', targetId: 'eni-db', port: 5432, via: 'env DB_HOST' };
  const finding = onlyFinding(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [need])] });
  assert.match(finding.message, /sends 10\.0\.11\.0\/24 to eni-firewall-gone, a blackhole route .* subnet subnet-priv-a need goes nowhere: Worker \(eni-db:5432\)/);
  assert.deepEqual(finding.fix, { kind: 'replace-blackhole-route', routeTableId: 'rtb-private', destination: '10.0.11.0/24' });
});
