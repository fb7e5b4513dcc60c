// Policy documents → allowed actions, as the IAM collector reduces them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowStatements, allowedActions, parsePolicyDocument } from '../../../src/aws/policy-actions';
import { invokePrincipalsOf } from '../../../src/aws/lambda';

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

test('actions of Allow statements from several documents, URL-encoded or not, sorted and unique', () => {
  const encoded = encodeURIComponent(doc({ Effect: 'Allow', Action: ['EC2:CreateNetworkInterface', 'lambda:*'], Resource: '*' }));
  const plain = doc({ Effect: 'Allow', Action: 'lambda:*', Resource: 'arn:aws:lambda:*:*:function:x' });
  assert.deepEqual(allowedActions([encoded, plain, undefined]), ['ec2:CreateNetworkInterface', 'lambda:*']);
});

test('an explicit Deny on every resource removes the action; a scoped Deny does not', () => {
  const allow = doc({ Effect: 'Allow', Action: ['sqs:SendMessage', 'sns:Publish'], Resource: '*' });
  const deny = doc({ Effect: 'Deny', Action: 'sqs:SendMessage', Resource: '*' }, { Effect: 'Deny', Action: 'sns:Publish', Resource: 'arn:aws:sns:*:*:x' });
  assert.deepEqual(allowedActions([allow, deny]), ['sns:Publish']);
});

test('a single statement object and unreadable documents are handled', () => {
  assert.equal(parsePolicyDocument(JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:GetObject' } })).length, 1);
  assert.deepEqual(parsePolicyDocument('%7Bnot json'), []);
  assert.deepEqual(allowedActions(['{}']), []);
});

test('Allow statements keep their resources and say which policy they came from', () => {
  const policy = encodeURIComponent(
    doc(
      { Effect: 'Allow', Action: 'Lambda:InvokeFunction', Resource: ['arn:aws:lambda:*:*:function:Notify*'] },
      { Effect: 'Allow', Action: ['sqs:SendMessage'] },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::private/*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Deny', Action: 'sqs:*', Resource: '*' },
    ),
  );
  assert.deepEqual(allowStatements(policy, 'inline policy worker'), [
    { actions: ['lambda:InvokeFunction'], resources: ['arn:aws:lambda:*:*:function:Notify*'], via: 'inline policy worker' },
    { actions: ['sqs:SendMessage'], resources: ['*'], via: 'inline policy worker' },
    { actions: ['s3:GetObject'], resources: ['*'], via: 'inline policy worker (NotResource)' },
  ]);
});

test('a function resource policy: principals allowed to invoke it', () => {
  const policy = doc(
    { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction' },
    { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:root'] }, Action: ['lambda:*'] },
    { Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:GetFunction' },
    { Effect: 'Deny', Principal: '*', Action: 'lambda:InvokeFunction' },
  );
  assert.deepEqual(invokePrincipalsOf(policy), ['apigateway.amazonaws.com', 'arn:aws:iam::111111111111:root']);
  assert.deepEqual(invokePrincipalsOf('not json'), []);
});
