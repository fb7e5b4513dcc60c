// Telling templates from other YAML/JSON by content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeTemplate } from '../../../src/template/detect-template';

test('templates are recognised: format version, SAM transform, or typed Resources, YAML or JSON', () => {
  assert.ok(looksLikeTemplate(readFileSync(join(__dirname, '..', '..', '..', 'demo', 'template.yaml'), 'utf8')));
  assert.ok(looksLikeTemplate(readFileSync(join(__dirname, '..', '..', 'fixtures', 'templates', 'json-api-through-nat.json'), 'utf8')));
  assert.ok(looksLikeTemplate('Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n'));
  assert.ok(looksLikeTemplate('{"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}'));
  assert.ok(looksLikeTemplate('Transform: AWS::Serverless-2016-10-31\n'));
});

test('other YAML and JSON are not', () => {
  assert.equal(looksLikeTemplate('services:\n  web:\n    image: nginx\n'), false);
  assert.equal(looksLikeTemplate('{"name": "app", "version": "1.0.0"}'), false);
  assert.equal(looksLikeTemplate('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), false);
  assert.equal(looksLikeTemplate('resources:\n  - type: kubernetes\n'), false);
});
