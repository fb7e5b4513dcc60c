// Lambda functions for tests: in a VPC (subnets + one security group) or not, with needs.
import { here, type Item } from './snapshot';

type Need = NonNullable<Item<'lambdaFunctions'>['needs']>[number];

export const invokeLambdaNeed: Need = { kind: 'aws-api', service: 'lambda', action: 'lambda:InvokeFunction', via: 'LambdaInvokePolicy' };
export const redisNeed: Need = { kind: 'vpc-target', host: 'cache.internal', port: 6379, via: 'env REDIS_HOST' };

export function awsApiNeed(service: string, action: string, via = 'Policies'): Need {
  return { kind: 'aws-api', service, action, via };
}

export function internetNeed(host: string, via = 'env API_URL'): Need {
  return { kind: 'internet', host, via };
}

export function lambdaFunction(name: string, overrides: Partial<Item<'lambdaFunctions'>> = {}): Item<'lambdaFunctions'> {
  return { ...here, id: name, name, arn: `arn:aws:lambda:${here.region}:${here.accountId}:function:${name}`, ...overrides };
}

/** A function attached to the given subnets with security group sg-fn. */
export function vpcFunction(name: string, subnetIds: string[], needs: Need[], overrides: Partial<Item<'lambdaFunctions'>> = {}): Item<'lambdaFunctions'> {
  return lambdaFunction(name, { vpcConfig: { subnetIds, securityGroupIds: ['sg-fn'] }, needs, ...overrides });
}

type Permission = NonNullable<Item<'lambdaFunctions'>['permissions']>[number];

export const VPC_ACCESS_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole';
export const BASIC_EXECUTION_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

export function roleArn(name: string): string {
  return `arn:aws:iam::${here.accountId}:role/${name}`;
}

/** An execution role; by default what SAM generates for a VPC function (basic execution + VPC access). */
export function executionRole(name: string, overrides: Partial<Item<'iamRoles'>> = {}): Item<'iamRoles'> {
  return { ...here, region: 'global', id: name, name, arn: roleArn(name), allowedActions: [], managedPolicyArns: [BASIC_EXECUTION_ARN, VPC_ACCESS_ARN], ...overrides };
}

export function statement(actions: string[], via: string, resources: string[] = ['*']): Permission {
  return { actions, resources, via };
}
