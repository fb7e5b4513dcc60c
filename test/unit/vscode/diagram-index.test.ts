// Selections cross between tree (resource ids) and diagram (node ids, e.g. fn@subnet).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagram, DiagramNode } from '../../../src/diagram/drawing';
import { nodeOfResource, resourceOfNode } from '../../../src/vscode/diagram/diagram-index';

function node(id: string, children: DiagramNode[] = [], resourceId?: string): DiagramNode {
  return { id, ...(resourceId ? { resourceId } : {}), kind: 'group', label: id, x: 0, y: 0, width: 1, height: 1, status: 'ok', findings: [], children };
}

const diagram: Diagram = {
  title: 't',
  width: 1,
  height: 1,
  edges: [],
  findings: [],
  nodes: [node('vpc-1', [node('subnet-a', [node('orders@subnet-a', [], 'orders')]), node('subnet-b', [node('orders@subnet-b', [], 'orders')])])],
};

describe('diagram ↔ tree ids', () => {
  it('maps a drawn copy of a function to the function', () => {
    assert.equal(resourceOfNode(diagram, 'orders@subnet-b'), 'orders');
    assert.equal(resourceOfNode(diagram, 'subnet-a'), 'subnet-a');
  });

  it('reveals the first drawing of a resource, or nothing when it is not drawn', () => {
    assert.equal(nodeOfResource(diagram, 'orders'), 'orders@subnet-a');
    assert.equal(nodeOfResource(diagram, 'vpc-1'), 'vpc-1');
    assert.equal(nodeOfResource(diagram, 'nope'), undefined);
  });
});
