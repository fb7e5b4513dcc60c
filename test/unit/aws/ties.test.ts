// Pure ties the scanner makes after reading: Lambda ENIs to functions, v1/v2 custom domains merged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeCustomDomains } from '../../../src/aws/custom-domains';
import { functionsOnLambdaEni, tieLambdaEnis } from '../../../src/aws/lambda-enis';
import { apiMappingSchema, domainNameSchema, lambdaFunctionSchema, networkInterfaceSchema } from '../../../src/model/snapshot';

const at = { accountId: '123456789012', region: 'eu-west-1' };
const fn = (id: string, subnetIds: string[], securityGroupIds: string[]) =>
  lambdaFunctionSchema.parse({ id, ...at, name: id, arn: `arn:aws:lambda:eu-west-1:123456789012:function:${id}`, vpcConfig: { subnetIds, securityGroupIds } });
const eni = (id: string, subnetId: string, securityGroupIds: string[], description: string) =>
  networkInterfaceSchema.parse({ id, ...at, vpcId: 'vpc-1', subnetId, securityGroupIds, interfaceType: 'lambda', description });

test('one Hyperplane ENI serves every function with the same subnet and security-group set, whatever its description says', () => {
  const functions = [fn('A', ['subnet-1', 'subnet-2'], ['sg-2', 'sg-1']), fn('B', ['subnet-1'], ['sg-1', 'sg-2']), fn('C', ['subnet-1'], ['sg-1'])];
  const shared = eni('eni-1', 'subnet-1', ['sg-1', 'sg-2'], 'AWS Lambda VPC ENI-A-0000');
  assert.deepEqual(functionsOnLambdaEni(shared, functions).map((f) => f.id), ['A', 'B']);
  const [tied] = tieLambdaEnis([shared], functions);
  assert.deepEqual(tied?.functionIds, ['A', 'B']);
  assert.equal(tied?.name, 'Lambda: A, B');
  // Another account's function with the same ids is not on this ENI.
  assert.deepEqual(functionsOnLambdaEni(shared, [{ ...fn('X', ['subnet-1'], ['sg-1', 'sg-2']), accountId: '111111111111' }]), []);
});

test('an ENI with a Name tag keeps it, and is still tied to its functions', () => {
  const tagged = { ...eni('eni-2', 'subnet-1', ['sg-1'], 'AWS Lambda VPC ENI-C-1'), name: 'mine' };
  const [tied] = tieLambdaEnis([tagged], [fn('C', ['subnet-1'], ['sg-1'])]);
  assert.equal(tied?.name, 'mine');
  assert.deepEqual(tied?.functionIds, ['C']);
});

test('a Lambda ENI no function uses, and an ordinary ENI, get no tie', () => {
  const orphan = eni('eni-3', 'subnet-9', ['sg-1'], 'AWS Lambda VPC ENI-Gone-1');
  const ordinary = { ...eni('eni-4', 'subnet-1', ['sg-1'], 'RDS'), interfaceType: 'interface' };
  const tied = tieLambdaEnis([orphan, ordinary], [fn('C', ['subnet-1'], ['sg-1'])]);
  assert.deepEqual(tied, [orphan, ordinary]);
  assert.equal('functionIds' in (tied[0] ?? {}), false);
});

test('a domain listed by both API Gateway APIs appears once; a root mapping once, "(none)" and "" alike', () => {
  const domain = (apiVersion: 'v1' | 'v2', endpointType: 'EDGE' | 'REGIONAL') => domainNameSchema.parse({ id: 'api.example.com', ...at, domainName: 'api.example.com', apiVersion, endpointType });
  const mapping = (id: string, basePath: string) => apiMappingSchema.parse({ id, ...at, domainName: 'api.example.com', apiId: 'a1', stage: 'prod', basePath });
  const merged = mergeCustomDomains(
    { apis: [], domainNames: [domain('v1', 'EDGE')], apiMappings: [mapping('api.example.com/(none)', '(none)')] },
    undefined,
    { apis: [], domainNames: [domain('v2', 'REGIONAL')], apiMappings: [mapping('m1', ''), mapping('m2', 'v2')] },
  );
  assert.deepEqual(merged.domainNames.map((d) => [d.apiVersion, d.endpointType]), [['v1', 'EDGE']]);
  assert.deepEqual(merged.apiMappings.map((m) => m.id), ['api.example.com/(none)', 'm2']);
});
