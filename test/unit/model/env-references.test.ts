// Environment variables → needs: references kept (ARNs, queue URLs, function names, hosts and
// ports), everything else — and every secret — dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsFromEnvironment } from '../../../src/model/env-references';

test('ARNs name the AWS API they need; a function ARN is an invoke', () => {
  assert.deepEqual(
    needsFromEnvironment({
      NEXT: 'arn:aws:lambda:ap-northeast-2:123456789012:function:Notify:live',
      SECRET_ARN: 'arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:prod/db-AbCdEf',
      TOPIC: 'arn:aws:sns:ap-northeast-2:123456789012:orders',
    }),
    [
      { kind: 'aws-api', service: 'lambda', action: 'lambda:InvokeFunction', via: 'environment variable NEXT (arn:aws:lambda:ap-northeast-2:123456789012:function:Notify:live)' },
      { kind: 'aws-api', service: 'secretsmanager', via: 'environment variable SECRET_ARN (arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:prod/db-AbCdEf)' },
      { kind: 'aws-api', service: 'sns', via: 'environment variable TOPIC (arn:aws:sns:ap-northeast-2:123456789012:orders)' },
    ],
  );
});

test('a bare function name counts only when that function exists in the region', () => {
  assert.deepEqual(needsFromEnvironment({ TARGET: 'CancelOrder', MODE: 'fast' }, new Set(['CancelOrder'])), [
    { kind: 'aws-api', service: 'lambda', action: 'lambda:InvokeFunction', via: 'environment variable TARGET (function CancelOrder)' },
  ]);
  assert.deepEqual(needsFromEnvironment({ TARGET: 'CancelOrder' }), []);
});

test('queue URLs and service endpoints are AWS APIs; interface endpoint names too', () => {
  assert.deepEqual(
    needsFromEnvironment({
      Q: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs.fifo',
      DDB: 'https://dynamodb.us-east-1.amazonaws.com',
      VPCE: 'vpce-0abc-xyz.secretsmanager.us-east-1.vpce.amazonaws.com',
    }).map((n) => (n.kind === 'aws-api' ? n.service : n.kind)),
    ['dynamodb', 'sqs', 'secretsmanager'],
  );
});

test('data stores in the VPC keep host and port, never user, password, path or query', () => {
  const needs = needsFromEnvironment({
    DATABASE_URL: 'postgresql://app:s3cr3t-pass@orders.cluster-abc.eu-west-1.rds.amazonaws.com/orders?sslmode=require',
    REDIS: 'rediss://:token-123@cache.xyz.cfg.euw1.cache.amazonaws.com:6380',
    MEMCACHED_HOST: 'sessions.abc.cfg.euw1.cache.amazonaws.com',
    DB_HOST: 'legacy.abc.eu-west-1.rds.amazonaws.com',
    DB_PORT: '3306',
    INTERNAL: 'http://10.0.3.7:8080/health',
  });
  assert.deepEqual(needs, [
    { kind: 'vpc-target', host: 'orders.cluster-abc.eu-west-1.rds.amazonaws.com', port: 5432, via: 'environment variable DATABASE_URL' },
    { kind: 'vpc-target', host: 'legacy.abc.eu-west-1.rds.amazonaws.com', port: 3306, via: 'environment variable DB_HOST' },
    { kind: 'vpc-target', host: '10.0.3.7', port: 8080, via: 'environment variable INTERNAL' },
    { kind: 'vpc-target', host: 'sessions.abc.cfg.euw1.cache.amazonaws.com', port: 11211, via: 'environment variable MEMCACHED_HOST' },
    { kind: 'vpc-target', host: 'cache.xyz.cfg.euw1.cache.amazonaws.com', port: 6380, via: 'environment variable REDIS' },
  ]);
  const text = JSON.stringify(needs);
  for (const secret of ['s3cr3t-pass', 'token-123', 'sslmode']) assert.ok(!text.includes(secret));
});

test('an RDS host with no port anywhere is left out rather than guessed', () => {
  assert.deepEqual(needsFromEnvironment({ DB_HOST: 'x.abc.eu-west-1.rds.amazonaws.com' }), []);
});

test('public URLs are internet needs (host only); plain values, dotted words and secrets are nothing', () => {
  assert.deepEqual(
    needsFromEnvironment({
      WEBHOOK: 'https://hooks.slack.com/services/T000/B000/XXXXSECRET',
      API_KEY: 'sk_live_51Habc',
      PASSWORD: 'correct horse battery staple',
      HANDLER: 'app.handler',
      LOCAL: 'http://localhost:3000',
      EMPTY: '',
    }),
    [{ kind: 'internet', host: 'hooks.slack.com', via: 'environment variable WEBHOOK' }],
  );
});
