// The Gaps node: every service × region the scan could not read, first in the tree, its error as
// plain text (and escaped in the tooltip); absent when the scan read everything.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tooltipMarkdown } from '../../../src/vscode/tree/markdown';
import { buildResourceTree } from '../../../src/vscode/tree/resource-tree';
import { shopSnapshot } from './snapshot-builders';

describe('Gaps in the tree', () => {
  it('is absent when the scan read everything', () => {
    assert.ok(!buildResourceTree(shopSnapshot(), []).roots.some((n) => n.label === 'Gaps'));
  });

  it('comes first, one row per gap with the error text', () => {
    const snapshot = {
      ...shopSnapshot(),
      gaps: [
        { service: 'apigateway', region: 'eu-west-1', error: 'GetBasePathMappings: HTTP 500 from the endpoint' },
        { service: 'iam', region: 'global', error: 'AccessDenied: [x](command:evil) <img src=x>' },
      ],
    };
    const [gaps] = buildResourceTree(snapshot, []).roots;
    assert.equal(gaps?.label, 'Gaps');
    assert.equal(gaps?.description, '2 reads failed · the map is incomplete');
    assert.equal(gaps?.status, 'warning');
    assert.deepEqual(
      gaps?.children.map((c) => [c.label, c.description]),
      [
        ['API Gateway eu-west-1', 'GetBasePathMappings: HTTP 500 from the endpoint'],
        ['IAM', 'AccessDenied: [x](command:evil) <img src=x>'],
      ],
    );
    const hover = tooltipMarkdown(gaps!.children[1]!.tooltip);
    assert.ok(hover.includes('\\[x\\]\\(command\\:evil\\) \\<img src\\=x\\>'), hover);
    assert.equal(new Set(gaps?.children.map((c) => c.id)).size, 2);
  });
});
