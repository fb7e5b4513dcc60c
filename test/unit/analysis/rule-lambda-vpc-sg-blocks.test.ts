import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, hopTrail } from '../../builders/findings';
import { awsApiNeed, invokeLambdaNeed, vpcFunction } from '../../builders/lambda';
import {
  aclEntry,
  ALL_TRAFFIC,
  customAcl,
  FUNCTION_SG,
  gatewayEndpoint,
  interfaceEndpoint,
  network,
  networkResources,
  PRIVATE_A,
  PRIVATE_B,
  securityGroup,
  tcpRule,
  VPC_ID,
  type Network,
} from '../../builders/network';
import { here, type Item } from '../../builders/snapshot';

const CODE = 'lambda-vpc-sg-blocks';
const CACHE_ENI = 'eni-cache';
const CACHE_SG = 'sg-cache';

type Need = NonNullable<Item<'lambdaFunctions'>['needs']>[number];
const cacheNeed: Need = { kind: 'vpc-target', targetId: CACHE_ENI, host: 'orders.x1y2z3.0001.apn2.cache.amazonaws.com', port: 6379, via: 'env REDIS_HOST' };

/** The network plus a Redis node in private subnet b whose group allows 6379 from sg-fn. */
function withCache(net: Network = network(), ingress = [tcpRule(6379, { securityGroupIds: [FUNCTION_SG] })]): Network {
  net.securityGroups.push(securityGroup(CACHE_SG, ingress));
  net.networkInterfaces.push({
    ...here,
    id: CACHE_ENI,
    vpcId: VPC_ID,
    subnetId: PRIVATE_B,
    securityGroupIds: [CACHE_SG],
    interfaceType: 'interface',
    description: 'ElastiCache orders-0001-001',
    privateIpAddress: '10.0.11.37',
  });
  return net;
}

function run(net: Network, subnetIds: string[], needs: Need[]) {
  return findingsOf(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('Worker', subnetIds, needs)] });
}

function one(net: Network, subnetIds: string[], needs: Need[]) {
  const found = run(net, subnetIds, needs);
  assert.equal(found.length, 1, JSON.stringify(found, null, 2));
  const [finding] = found;
  assert.ok(finding);
  return finding;
}

test('the cache allows 6379 from the function\'s group: no finding, from either subnet', () => {
  assert.deepEqual(run(withCache(), [PRIVATE_A, PRIVATE_B], [cacheNeed]), []);
  assert.deepEqual(findingsOf('unverifiable-path', networkResources(withCache()), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [cacheNeed])] }), []);
});

test('the target\'s group does not allow the port: an error naming both groups, with the rule to add', () => {
  const finding = one(withCache(network(), [tcpRule(6380, { securityGroupIds: [FUNCTION_SG] })]), [PRIVATE_A], [cacheNeed]);
  assert.equal(finding.severity, 'error');
  assert.equal(
    finding.message,
    'Worker needs orders.x1y2z3.0001.apn2.cache.amazonaws.com on TCP 6379 (env REDIS_HOST), but security group sg-cache of eni-cache allows no inbound TCP 6379 ' +
      'from the function\'s security group sg-fn, so its connections time out and the function hangs until its own timeout. ' +
      'Fix: on sg-cache, add an inbound rule TCP 6379 from sg-fn.',
  );
  assert.deepEqual(finding.fix, { kind: 'add-security-group-rule', securityGroupId: CACHE_SG, direction: 'ingress', protocol: 'tcp', fromPort: 6379, toPort: 6379, peerSecurityGroupId: FUNCTION_SG });
  assert.deepEqual(hopTrail(finding), ['lambda-function:Worker:true', 'subnet:subnet-priv-a:true', 'route-table:rtb-private:true', 'security-group:sg-cache:false', 'network-interface:eni-cache:false']);
});

test('the function\'s own group allows no egress: the error points at its egress', () => {
  const net = withCache();
  net.securityGroups[0] = securityGroup(FUNCTION_SG, [], []);
  const finding = one(net, [PRIVATE_A], [cacheNeed]);
  assert.match(finding.message, /the function's security group sg-fn allows no outbound TCP 6379 to eni-cache/);
  assert.deepEqual(finding.fix, { kind: 'add-security-group-rule', securityGroupId: FUNCTION_SG, direction: 'egress', protocol: 'tcp', fromPort: 6379, toPort: 6379, peerSecurityGroupId: CACHE_SG });
});

test('near miss: the target subnet\'s NACL lets the request in but the reply out only on 32768–65535', () => {
  const net = withCache();
  net.networkAcls.push(
    customAcl('acl-data', [PRIVATE_B], [aclEntry(100, false, 'allow', '10.0.0.0/16'), aclEntry(100, true, 'allow', '10.0.0.0/16', [32768, 65535])]),
  );
  const finding = one(net, [PRIVATE_A], [cacheNeed]);
  assert.match(
    finding.message,
    /network ACL acl-data of subnet-priv-b denies the reply: its final \* rule blocks outbound TCP 1024–32767 to subnet-priv-a \(10\.0\.10\.0\/24\) \(of 1024–65535: connections whose ephemeral port falls there fail at random\)/,
  );
  assert.deepEqual(finding.fix, { kind: 'add-network-acl-entry', networkAclId: 'acl-data', egress: true, protocol: 'tcp', fromPort: 1024, toPort: 65535, cidr: '10.0.10.0/24' });
});

test('NACLs do not filter inside one subnet; one good and one bad subnet fail intermittently', () => {
  const net = withCache();
  net.networkAcls.push(customAcl('acl-closed', [PRIVATE_A], []));
  // From subnet b the cache is in the same subnet: its NACL does not apply.
  const sameSubnet = withCache();
  sameSubnet.networkAcls.push(customAcl('acl-closed', [PRIVATE_B], []));
  assert.deepEqual(run(sameSubnet, [PRIVATE_B], [cacheNeed]), []);
  const finding = one(net, [PRIVATE_A, PRIVATE_B], [cacheNeed]);
  assert.match(finding.message, /network ACL acl-closed of subnet-priv-a denies the request: its final \* rule blocks outbound TCP 6379/);
  assert.match(finding.message, /so it fails intermittently: connections from subnet-priv-a time out, while those from subnet-priv-b get through/);
});

test('near miss: the endpoint\'s group allows 80, not 443 — private DNS sends the calls there anyway, so NAT does not save them', () => {
  const net = network();
  net.securityGroups[1] = securityGroup('sg-endpoint', [tcpRule(80, { securityGroupIds: [FUNCTION_SG] })]);
  net.endpoints.push(interfaceEndpoint('lambda', [PRIVATE_A]));
  const finding = one(net, [PRIVATE_A, PRIVATE_B], [invokeLambdaNeed]);
  assert.match(finding.message, /^Worker needs lambda:InvokeFunction \(LambdaInvokePolicy\), which calls the Lambda API on TCP 443, but security group sg-endpoint of endpoint vpce-lambda allows no inbound TCP 443 from the function/);
  assert.deepEqual(findingsOf('lambda-vpc-no-aws-endpoint', networkResources(net), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [invokeLambdaNeed])] }), []);
  assert.equal(finding.fix?.kind, 'add-security-group-rule');
});

test('near miss: the function subnet\'s NACL takes back only 32768–65535 from the internet — the NAT path fails at random', () => {
  const net = network();
  net.networkAcls.push(customAcl('acl-app', [PRIVATE_A], [aclEntry(100, true, 'allow', '0.0.0.0/0'), aclEntry(100, false, 'allow', '0.0.0.0/0', [32768, 65535])]));
  const finding = one(net, [PRIVATE_A], [invokeLambdaNeed]);
  assert.match(finding.message, /network ACL acl-app of subnet-priv-a denies the reply: its final \* rule blocks inbound TCP 1024–32767 from the internet/);
});

test('S3 through a gateway endpoint: egress to the S3 prefix list is enough, egress only inside the VPC is not', () => {
  const s3 = [awsApiNeed('s3', 's3:GetObject', 'S3ReadPolicy')];
  const build = (egress: Item<'securityGroups'>['egress']) => {
    const net = network();
    net.privateTable.routes.push({ destinationPrefixListId: 'pl-78a54011', target: 'vpce-s3-gw' });
    net.endpoints.push(gatewayEndpoint('s3', ['rtb-private']));
    net.securityGroups[0] = securityGroup(FUNCTION_SG, [], egress);
    return net;
  };
  assert.deepEqual(run(build([tcpRule(443, { prefixListIds: ['pl-78a54011'] })]), [PRIVATE_A], s3), []);
  assert.deepEqual(run(build([ALL_TRAFFIC]), [PRIVATE_A], s3), []);
  const finding = one(build([tcpRule(443, { cidrs: ['10.0.0.0/16'] })]), [PRIVATE_A], s3);
  assert.match(finding.message, /allows no outbound TCP 443 to the s3 prefix list pl-78a54011/);
  assert.deepEqual(finding.fix, { kind: 'add-security-group-rule', securityGroupId: FUNCTION_SG, direction: 'egress', protocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: 'pl-78a54011' });
});

test('the target is found by its ElastiCache host name when the reader gave no id', () => {
  const need: Need = { kind: 'vpc-target', host: 'orders.x1y2z3.0001.apn2.cache.amazonaws.com', port: 6379, via: 'env REDIS_HOST' };
  assert.equal(one(withCache(network(), []), [PRIVATE_A], [need]).severity, 'error');
});
