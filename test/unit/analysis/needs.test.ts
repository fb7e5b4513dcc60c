import { test } from 'node:test';
import assert from 'node:assert/strict';
import { functionNeeds } from '../../../src/analysis/needs';
import { indexSnapshot } from '../../../src/analysis/snapshot-index';
import { executionRole, invokeLambdaNeed, lambdaFunction, roleArn, statement } from '../../builders/lambda';
import { snapshotWith, type Item } from '../../builders/snapshot';

function needsOf(fn: Item<'lambdaFunctions'>, roles: Item<'iamRoles'>[] = [], others: Item<'lambdaFunctions'>[] = []) {
  const index = indexSnapshot(snapshotWith({ lambdaFunctions: [fn, ...others], iamRoles: roles }));
  const parsed = index.lambdaFunctions.get(fn.id);
  assert.ok(parsed);
  return functionNeeds(index, parsed).map((n) => (n.kind === 'aws-api' ? `${n.service} ${n.action ?? ''} (${n.via}) ${n.origin}${n.region ? ` ${n.region}` : ''}` : `${n.kind} (${n.via})`));
}

test('SAM policy templates become AWS API needs with the template as their source', () => {
  const fn = lambdaFunction('Worker', {
    permissions: [
      statement(['lambda:InvokeFunction'], 'LambdaInvokePolicy', ['arn:aws:lambda:ap-northeast-2:111122223333:function:Refund*']),
      statement(['sqs:SendMessage', 'sqs:GetQueueAttributes'], 'SQSSendMessagePolicy'),
      statement(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DescribeTable'], 'DynamoDBCrudPolicy'),
      statement(['s3:GetObject', 's3:ListBucket'], 'S3ReadPolicy'),
      statement(['secretsmanager:GetSecretValue'], 'AWSSecretsManagerGetSecretValuePolicy'),
    ],
  });
  assert.deepEqual(needsOf(fn), [
    'lambda lambda:InvokeFunction (LambdaInvokePolicy) function-policy',
    'sqs sqs:SendMessage (SQSSendMessagePolicy) function-policy',
    'dynamodb dynamodb:GetItem (DynamoDBCrudPolicy) function-policy',
    'dynamodb dynamodb:PutItem (DynamoDBCrudPolicy) function-policy',
    'dynamodb dynamodb:Query (DynamoDBCrudPolicy) function-policy',
    's3 s3:GetObject (S3ReadPolicy) function-policy',
    's3 s3:ListBucket (S3ReadPolicy) function-policy',
    'secretsmanager secretsmanager:GetSecretValue (AWSSecretsManagerGetSecretValuePolicy) function-policy',
  ]);
});

test('what Lambda does with the role itself implies nothing: ENIs, logs, X-Ray, event source polling, env decryption', () => {
  const fn = lambdaFunction('Poller', {
    roleArn: roleArn('poller-role'),
    permissions: [statement(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], 'SQSPollerPolicy'), statement(['kms:Decrypt'], 'KMSDecryptPolicy')],
  });
  const role = executionRole('poller-role', {
    allowedActions: ['logs:CreateLogGroup', 'logs:PutLogEvents', 'ec2:CreateNetworkInterface', 'ec2:*', 'xray:PutTraceSegments', 'dynamodb:GetRecords', 'rds-db:connect', '*'],
    managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'],
  });
  assert.deepEqual(needsOf(fn, [role]), []);
});

test('the execution role: statements with their policy, allowed actions, and well-known managed policies', () => {
  const fn = lambdaFunction('Worker', { roleArn: roleArn('worker-role') });
  const role = executionRole('worker-role', {
    statements: [statement(['sns:Publish'], 'inline policy notify')],
    allowedActions: ['sns:Publish', 'states:StartExecution'],
    managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
  });
  assert.deepEqual(needsOf(fn, [role]), [
    'sns sns:Publish (inline policy notify) role',
    'states states:StartExecution (role worker-role) role',
    's3 s3:Get* (AmazonS3ReadOnlyAccess) role',
    's3 s3:List* (AmazonS3ReadOnlyAccess) role',
  ]);
});

test('the function\'s own policy names an action first, then what readers declared; a role only adds services nobody named; a shared role is marked so', () => {
  const fn = lambdaFunction('Worker', {
    roleArn: roleArn('own-role'),
    needs: [{ kind: 'aws-api', service: 'lambda', action: 'lambda:InvokeFunction', via: 'environment variable REFUND_FUNCTION_NAME' }, { kind: 'aws-api', service: 'sqs', via: 'environment variable QUEUE_URL' }],
    permissions: [statement(['lambda:InvokeFunction'], 'LambdaInvokePolicy')],
  });
  const role = executionRole('own-role', { allowedActions: ['lambda:InvokeFunction', 'lambda:GetFunction', 'sqs:SendMessage', 'sns:Publish'] });
  assert.deepEqual(needsOf(fn, [role]), [
    'lambda lambda:InvokeFunction (LambdaInvokePolicy) function-policy',
    'sqs  (environment variable QUEUE_URL) declared',
    'sns sns:Publish (role own-role) role',
  ]);
});

test('a declared need for a service wins over what the role implies for it; a shared role is marked so', () => {
  const shared = roleArn('shared-role');
  const fn = lambdaFunction('Worker', { roleArn: shared, needs: [invokeLambdaNeed] });
  const sibling = lambdaFunction('Sibling', { roleArn: shared });
  const role = executionRole('shared-role', { allowedActions: ['lambda:InvokeFunction', 'sqs:SendMessage'] });
  assert.deepEqual(needsOf(fn, [role], [sibling]), ['lambda lambda:InvokeFunction (LambdaInvokePolicy) declared', 'sqs sqs:SendMessage (role shared-role) shared-role']);
});

test('calls to resources in another region are marked with that region; a template placeholder is not a region', () => {
  const fn = lambdaFunction('Worker', {
    permissions: [
      statement(['sqs:SendMessage'], 'SQSSendMessagePolicy', ['arn:aws:sqs:us-east-1:111122223333:orders']),
      statement(['sns:Publish'], 'SNSPublishMessagePolicy', ['arn:aws:sns:${AWS::Region}:111122223333:topic']),
    ],
  });
  assert.deepEqual(needsOf(fn), ['sqs sqs:SendMessage (SQSSendMessagePolicy) function-policy us-east-1', 'sns sns:Publish (SNSPublishMessagePolicy) function-policy']);
});

test('wildcards count for their service; "*" says nothing about which service', () => {
  const fn = lambdaFunction('Worker', { permissions: [statement(['*'], 'AdministratorAccess'), statement(['sqs:*'], 'inline')] });
  assert.deepEqual(needsOf(fn), ['sqs sqs:* (inline) function-policy']);
});
