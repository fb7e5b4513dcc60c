// Which files get template diagnostics, and the hover's escaping of untrusted hop text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hopsMarkdown } from '../../../src/vscode/template/finding-hover';
import { isTemplateFileName, looksLikeTemplate } from '../../../src/vscode/template/template-detect';

describe('template detection', () => {
  it('takes YAML, JSON and .template files by name', () => {
    for (const name of ['template.yaml', 'infra/stack.yml', 'template.json', 'x.template']) assert.ok(isTemplateFileName(name), name);
    for (const name of ['main.ts', 'README.md', 'template.yaml.bak']) assert.ok(!isTemplateFileName(name), name);
  });

  it('knows SAM and CloudFormation by content, and not other YAML/JSON', () => {
    assert.ok(looksLikeTemplate("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"));
    assert.ok(looksLikeTemplate('Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n'));
    assert.ok(looksLikeTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'));
    assert.ok(looksLikeTemplate('{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" }\n  }\n}\n'));
    assert.ok(!looksLikeTemplate('services:\n  web:\n    image: nginx\n'));
    assert.ok(!looksLikeTemplate('{ "name": "x", "version": "1.0.0" }'));
    assert.ok(!looksLikeTemplate('Resources:\n  - docs\n'));
  });
});

describe('hop hover', () => {
  it('lists hops with ✓/✗ and reasons, every piece of text escaped', () => {
    const markdown = hopsMarkdown({
      code: 'domain-no-mapping',
      severity: 'error',
      message: 'm',
      resource: { kind: 'domain-name' },
      hops: [
        { kind: 'dns-name', id: 'a.example.com', ok: true },
        { kind: 'api-mapping', id: '[x](command:evil)', ok: false, reason: '<img src=x onerror=alert(1)>' },
      ],
    });
    assert.ok(markdown);
    assert.match(markdown, /^- ✓ dns\\-name \*\*a\\\.example\\\.com\*\*$/m);
    assert.match(markdown, /✗ api\\-mapping \*\*\\\[x\\\]\\\(command\\:evil\\\)\*\* — \\<img src\\=x onerror\\=alert\\\(1\\\)\\>/);
    assert.equal(hopsMarkdown({ code: 'domain-no-mapping', severity: 'error', message: 'm', resource: { kind: 'x' } }), undefined);
  });
});
