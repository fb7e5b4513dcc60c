import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutDiagram } from '../../../src/diagram/layout';
import { isHostMessage, isPageMessage } from '../../../src/diagram/protocol';
import { tinySnapshot } from './builders';

describe('host → page message guard', () => {
  it('accepts a laid-out diagram and the other host messages', async () => {
    const diagram = await layoutDiagram(tinySnapshot(), []);
    assert.ok(isHostMessage({ type: 'showDiagram', diagram }));
    assert.ok(isHostMessage(JSON.parse(JSON.stringify({ type: 'showDiagram', diagram }))), 'survives the JSON round trip of postMessage');
    assert.ok(isHostMessage({ type: 'reveal', nodeId: 'vpc-1' }));
    assert.ok(isHostMessage({ type: 'response', requestId: 1, ok: true, result: 'file:///x.svg' }));
    assert.ok(isHostMessage({ type: 'response', requestId: 1, ok: false, error: 'cancelled' }));
  });

  it('refuses a diagram that is malformed anywhere, not only at the top', async () => {
    const diagram = await layoutDiagram(tinySnapshot(), []);
    const [vpcNode] = diagram.nodes;
    assert.ok(vpcNode);
    const broken = [
      { ...diagram, nodes: 'x' },
      { ...diagram, findings: undefined },
      { ...diagram, width: Number.NaN },
      { ...diagram, nodes: [{ ...vpcNode, kind: '<script>' }] },
      { ...diagram, nodes: [{ ...vpcNode, children: [{ ...vpcNode.children[0], status: 'fine' }] }] },
      { ...diagram, nodes: [{ ...vpcNode, findings: [1] }] },
      { ...diagram, nodes: [{ ...vpcNode, logicalId: { toString: 'x' } }] },
      { ...diagram, edges: [{ id: 'e', source: 'a', target: 'b', points: [{ x: 0 }], status: 'ok' }] },
    ];
    for (const candidate of broken) assert.equal(isHostMessage({ type: 'showDiagram', diagram: candidate }), false, JSON.stringify(candidate).slice(0, 120));
    let deep: Record<string, unknown> = { ...vpcNode, children: [] };
    for (let i = 0; i < 40; i++) deep = { ...vpcNode, children: [deep] };
    assert.equal(isHostMessage({ type: 'showDiagram', diagram: { ...diagram, nodes: [deep] } }), false, 'absurd nesting is refused');
    assert.equal(isHostMessage({ type: 'response', requestId: 1, ok: true }), false);
    assert.equal(isHostMessage({ type: 'paint', diagram }), false);
    assert.equal(isHostMessage(null), false);
  });
});

describe('page → host message guard', () => {
  it('accepts what the page sends and nothing else', () => {
    assert.ok(isPageMessage({ type: 'ready' }));
    assert.ok(isPageMessage({ type: 'select', nodeId: 'orders@subnet-a' }));
    assert.ok(isPageMessage({ type: 'request', requestId: 2, request: { kind: 'openInTemplate', nodeId: 'orders@subnet-a' } }));
    assert.equal(isPageMessage({ type: 'request', requestId: 2, request: { kind: 'openInTemplate' } }), false);
    assert.equal(isPageMessage({ type: 'select', nodeId: 3 }), false);
    assert.equal(isPageMessage({ type: 'request', requestId: 1, request: { kind: 'rm -rf' } }), false);
  });
});
