// One sentence for a person from any SDK error, with nothing secret in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeAwsError, redactSecrets, tagOperation } from '../../../src/aws/errors';

function sdkError(name: string, message: string, status: number, attempts = 1): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, attempts } });
}

test('code, message and the operation that failed', () => {
  const error = sdkError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized to perform: acm:ListCertificates', 400);
  tagOperation(error, 'ListCertificates');
  assert.equal(describeAwsError(error), 'ListCertificates: AccessDeniedException: User: arn:aws:iam::1:user/x is not authorized to perform: acm:ListCertificates');
});

test('an HTML 500 page becomes a status line; retries are counted', () => {
  const error = sdkError('SyntaxError', '<!doctype html><html><title>500 Internal Server Error</title>', 500, 3);
  assert.equal(describeAwsError(error), 'HTTP 500 from the endpoint (it may not support this operation) (after 3 attempts)');
});

test('an unreadable 403 is called what it most likely is', () => {
  assert.equal(describeAwsError(sdkError('Unknown', 'UnknownError', 403)), 'HTTP 403 from the endpoint (access denied?); its error body could not be read');
});

test('network failures say what happened to the connection', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  assert.equal(describeAwsError(refused), 'connection refused (is the endpoint running?)');
  const wrapped = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
  assert.equal(describeAwsError(wrapped), 'the connection was reset by the endpoint');
});

test('key material never survives', () => {
  const text = redactSecrets('Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3/aws4_request, Signature=abcdef0123 key ASIAY34FZKBOKMUTVV7A');
  assert.ok(!/AKIAIOSFODNN7EXAMPLE|abcdef0123|ASIAY34FZKBOKMUTVV7A/.test(text), text);
  assert.match(describeAwsError(new Error('bad X-Amz-Security-Token=FQoGZXIvYXdzEJr')), /X-Amz-Security-Token=\[redacted\]/);
});
