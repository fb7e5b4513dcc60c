// "Go to template" from the diagram lands on the logical id's key, in YAML and in JSON.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_TEMPLATE_TEXT } from '../../../src/demo/demo-account';
import { logicalIdRange } from '../../../src/vscode/diagram/template-location';

describe('logicalIdRange', () => {
  it('finds a resource key in a YAML template (0-based line and character)', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Worker:\n    Type: AWS::Serverless::Function\n';
    assert.deepEqual(logicalIdRange(text, 'Worker'), { start: { line: 4, character: 2 }, end: { line: 4, character: 8 } });
  });

  it('finds it in a JSON template, quotes included', () => {
    const text = '{\n  "Resources": {\n    "Worker": { "Type": "AWS::Serverless::Function" }\n  }\n}\n';
    assert.deepEqual(logicalIdRange(text, 'Worker'), { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } });
  });

  it('finds the demo functions where demo/template.yaml declares them', () => {
    const range = logicalIdRange(DEMO_TEMPLATE_TEXT, 'CancelOrderWorker');
    assert.ok(range);
    assert.equal(DEMO_TEMPLATE_TEXT.split('\n')[range.start.line], '  CancelOrderWorker:');
  });

  it('says undefined for a name only an output or a parameter has, or no Resources at all', () => {
    const text = 'Parameters:\n  Worker:\n    Type: String\nResources:\n  Other:\n    Type: AWS::S3::Bucket\nOutputs:\n  Worker:\n    Value: x\n';
    assert.equal(logicalIdRange(text, 'Worker'), undefined);
    assert.equal(logicalIdRange('just: text\n', 'Worker'), undefined);
    assert.equal(logicalIdRange('- a list\n', 'Worker'), undefined);
  });
});
