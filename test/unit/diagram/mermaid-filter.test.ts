import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterDiagram, searchNodes } from '../../../src/diagram/diagram-filter';
import { layoutDiagram } from '../../../src/diagram/layout';
import { mermaidText, renderMermaid } from '../../../src/diagram/mermaid';
import { isHostMessage, isPageMessage } from '../../../src/diagram/protocol';
import { inVpc, lambda, routeTable, snapshotOf, storyFindings, storySnapshot, subnet, vpc } from './builders';

const XSS = '<img src=x onerror=alert(1)>';

async function twoVpcs() {
  const snapshot = snapshotOf({
    vpcs: [vpc('vpc-1', { name: XSS }), vpc('vpc-2', { name: 'other' })],
    subnets: [subnet('subnet-a', 'vpc-1', '10.0.1.0/24', { name: 'a"]; click x call alert(1)' }), subnet('subnet-b', 'vpc-2', '10.1.1.0/24')],
    routeTables: [routeTable('rtb-1', 'vpc-1', []), routeTable('rtb-2', 'vpc-2', [])],
    lambdaFunctions: [lambda('orders', { vpcConfig: inVpc(['subnet-a']) }), lambda('billing', { vpcConfig: inVpc(['subnet-b']) })],
  });
  return layoutDiagram(snapshot, [{ code: 'lambda-vpc-no-internet', severity: 'error', message: XSS, resource: { kind: 'lambda-function', id: 'orders' } }]);
}

describe('Mermaid export', () => {
  it('writes names as Mermaid entities, never as markup or syntax', async () => {
    const text = renderMermaid(await twoVpcs());
    assert.match(text, /^flowchart LR\n/);
    assert.ok(!text.includes('<img') && !text.includes('"]; click'), text);
    assert.ok(text.includes('#lt;img src=x onerror=alert#40;1#41;#gt;'));
    assert.match(text, /subgraph n\d+\["VPC: #lt;img/);
    // Every label sits inside quotes with no raw quote in it: nothing can end the label early.
    for (const label of text.matchAll(/\["([^"]*)"\]/g)) assert.ok(!/[<>]/.test((label[1] ?? '').replace(/<br\/>/g, '')), label[0]);
    assert.match(text, /class n\d+ error/);
  });

  it('draws broken hops dotted and red, with their reason', async () => {
    const text = renderMermaid(await layoutDiagram(storySnapshot(), storyFindings()));
    assert.match(text, /n\d+ -\.->\|"[^"]+"\| n\d+/);
    assert.match(text, /linkStyle \d+ stroke:#cf222e/);
    assert.equal(mermaidText('a\nb|c'), 'a b#124;c');
  });
});

describe('search and filters', () => {
  it('finds boxes by name, id or CIDR, ignoring case', async () => {
    const diagram = await twoVpcs();
    assert.deepEqual(searchNodes(diagram, 'ORDERS').map((n) => n.id), ['orders@subnet-a']);
    assert.deepEqual(searchNodes(diagram, '10.1.1.').map((n) => n.id), ['subnet-b']);
    assert.deepEqual(searchNodes(diagram, '<img').map((n) => n.id), ['vpc-1']);
    assert.deepEqual(searchNodes(diagram, '  '), []);
  });

  it('keeps one VPC, one finding, or the broken boxes with the boxes around them', async () => {
    const diagram = await twoVpcs();
    const onlyTwo = filterDiagram(diagram, { vpcId: 'vpc-2' });
    assert.ok(onlyTwo?.nodes.has('billing@subnet-b') && !onlyTwo.nodes.has('vpc-1'));
    const broken = filterDiagram(diagram, { hideHealthy: true });
    assert.ok(broken !== undefined && broken.nodes.has('orders@subnet-a'), 'the broken function');
    assert.ok(broken.nodes.has('subnet-a') && broken.nodes.has('vpc-1'), 'and its subnet and VPC');
    assert.ok(!broken.nodes.has('billing@subnet-b'));
    const byCode = filterDiagram(diagram, { findingCode: 'lambda-vpc-no-internet' });
    assert.ok(byCode?.nodes.has('orders@subnet-a') && !byCode.nodes.has('vpc-2'));
    assert.equal(filterDiagram(diagram, {}), undefined, 'no filter shows everything');
  });
});

describe('protocol additions', () => {
  it('accepts save requests and search/filter messages, and refuses bad ones', () => {
    assert.ok(isPageMessage({ type: 'save', requestId: 2, file: { format: 'png', base64: 'iVBORw0KGgo=' } }));
    assert.ok(isPageMessage({ type: 'save', requestId: 3, file: { format: 'mermaid', text: 'flowchart LR' } }));
    assert.equal(isPageMessage({ type: 'save', requestId: 2, file: { format: 'png', base64: '<svg onload=x>' } }), false);
    assert.equal(isPageMessage({ type: 'save', requestId: 2, file: { format: 'exe', text: '' } }), false);
    assert.ok(isHostMessage({ type: 'search', query: 'orders' }));
    assert.ok(isHostMessage({ type: 'filter', filter: { vpcId: 'vpc-1', hideHealthy: true } }));
    assert.equal(isHostMessage({ type: 'filter', filter: { hideHealthy: 'yes' } }), false);
  });
});
