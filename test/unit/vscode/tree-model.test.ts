// The sidebar tree's shape, in plain Node: what the real VS Code test then only has to see drawn.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/model/finding';
import { buildResourceTree } from '../../../src/vscode/tree/resource-tree';
import type { ResourceTreeNode } from '../../../src/vscode/tree/tree-node';
import { shopSnapshot } from './snapshot-builders';

/** Labels from the root down, each with its description, for readable assertions. */
function outline(nodes: readonly ResourceTreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}${n.description ? ` — ${n.description}` : ''}`, ...outline(n.children, depth + 1)]);
}

const noInternet: Finding = {
  code: 'lambda-vpc-no-internet',
  severity: 'error',
  message: 'orders cannot reach hooks.example.com',
  resource: { kind: 'function', id: 'orders' },
  hops: [{ kind: 'subnet', id: 'subnet-a', ok: false, reason: 'no route to 0.0.0.0/0' }],
};

describe('sidebar tree model', () => {
  it('nests account → region → VPC → subnet → function, NAT gateway and ENI, and keeps functions outside a VPC apart', () => {
    const { roots } = buildResourceTree(shopSnapshot(), []);
    assert.deepEqual(outline(roots).slice(0, 11), [
      'shop',
      '  eu-west-1 — 1 VPC',
      '    prod — 10.0.0.0/16',
      '      private-a — 10.0.1.0/24 · eu-west-1a',
      '        orders — nodejs22.x',
      '        nat-1 — NAT gateway · available',
      '        eni-1 — 10.0.1.10 · lambda: orders',
      '      igw-1 — internet gateway',
      '      s3 endpoint — Gateway endpoint · available',
      '    Outside any VPC — 1 function',
      '      thumbs — nodejs22.x',
    ]);
  });

  it('lists hosted zones and their records under DNS', () => {
    const dns = buildResourceTree(shopSnapshot(), []).roots.find((n) => n.label === 'DNS');
    assert.deepEqual(outline(dns?.children ?? []), [
      'shop.example. — public · 1 record',
      '  api.shop.example. — A alias → d-1.execute-api.eu-west-1.amazonaws.com',
    ]);
  });

  it('follows a custom domain to its certificate and through its mapping and API to the function, and shows a missing mapping', () => {
    const domains = buildResourceTree(shopSnapshot(), []).roots.find((n) => n.label === 'Domains');
    assert.deepEqual(outline(domains?.children ?? []), [
      'api.shop.example — REGIONAL · v2',
      '  *.shop.example — certificate · PENDING_VALIDATION',
      '  / — → shop-api ($default)',
      '    shop-api — HTTP',
      '      orders — GET /orders',
      'old.shop.example — REGIONAL · v2',
      '  No API mapping — requests to this domain reach no API',
    ]);
  });

  it('groups findings by severity and marks the resource they are about', () => {
    const tree = buildResourceTree(shopSnapshot(), [noInternet]);
    const findings = tree.roots.find((n) => n.label === 'Findings');
    assert.equal(findings?.description, '1 error, 0 warnings');
    assert.deepEqual(outline(findings?.children ?? []), ['Errors — 1', '  orders cannot reach hooks.example.com — orders · lambda-vpc-no-internet']);
    const fn = tree.byResourceId.get('orders');
    assert.equal(fn?.status, 'error');
    assert.equal(fn?.kind, 'function', 'a resource reveals where it sits in the network, not under a finding');
    assert.deepEqual(fn?.tooltip.notes, ['error: orders cannot reach hooks.example.com']);
  });

  it('says so when there are no findings', () => {
    const findings = buildResourceTree(shopSnapshot(), []).roots.find((n) => n.label === 'Findings');
    assert.deepEqual(outline(findings?.children ?? []), ['No problems found']);
  });

  it('gives every node a unique id and a parent chain back to its root (TreeView.reveal needs both)', () => {
    const { roots, byResourceId } = buildResourceTree(shopSnapshot(), [noInternet]);
    const ids = new Set<string>();
    const visit = (node: ResourceTreeNode): void => {
      assert.ok(!ids.has(node.id), `duplicate id ${node.id}`);
      ids.add(node.id);
      node.children.forEach((c) => {
        assert.equal(c.parent, node);
        visit(c);
      });
    };
    roots.forEach(visit);
    let node = byResourceId.get('eni-1');
    const chain: string[] = [];
    while (node) {
      chain.unshift(node.label);
      node = node.parent;
    }
    assert.deepEqual(chain, ['shop', 'eu-west-1', 'prod', 'private-a', 'eni-1']);
  });

  it('states the subnet default route in its tooltip', () => {
    const subnet = buildResourceTree(shopSnapshot(), []).byResourceId.get('subnet-a');
    assert.ok(subnet?.tooltip.rows.some(([label, value]) => label === 'Default route' && value === 'nat-1'));
  });
});
