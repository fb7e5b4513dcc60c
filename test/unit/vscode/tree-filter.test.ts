// Filtering and badges on the tree model, in plain Node: what the rows of the real VS Code tree
// then only have to show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/model/finding';
import { badgeOf } from '../../../src/vscode/tree/finding-counts';
import { buildResourceTree } from '../../../src/vscode/tree/resource-tree';
import { filterTree } from '../../../src/vscode/tree/tree-filter';
import type { ResourceTreeNode } from '../../../src/vscode/tree/tree-node';
import { shopSnapshot } from './snapshot-builders';

const noInternet: Finding = { code: 'lambda-vpc-no-internet', severity: 'error', message: 'orders cannot reach the internet', resource: { kind: 'lambda-function', id: 'orders' } };
const noMapping: Finding = { code: 'domain-no-mapping', severity: 'warning', message: 'old.shop.example has no mapping', resource: { kind: 'domain-name', id: 'old.shop.example' } };

function labels(nodes: readonly ResourceTreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}`, ...labels(n.children, depth + 1)]);
}

describe('tree filter', () => {
  const tree = buildResourceTree(shopSnapshot(), [noInternet, noMapping]);

  it('keeps the rows whose label, description or id matches, with the rows above them opened', () => {
    const result = filterTree(tree.roots, { text: 'ENI-1', onlyBroken: false }, tree.counts);
    assert.deepEqual(labels(result.roots), ['shop', '  eu-west-1', '    prod', '      private-a', '        eni-1']);
    assert.equal(result.matches, 1);
    const chain = ['account:111122223333', 'account:111122223333/region:eu-west-1'];
    for (const id of chain) assert.ok(result.opened.has(id), `${id} opened`);
    // By id too: the subnet is labelled private-a, and people paste subnet-a.
    assert.deepEqual(labels(filterTree(tree.roots, { text: 'subnet-a', onlyBroken: false }, tree.counts).roots).slice(0, 4), ['shop', '  eu-west-1', '    prod', '      private-a']);
  });

  it('keeps what is inside a matched row, and the parent links point into the copy', () => {
    const result = filterTree(tree.roots, { text: 'private-a', onlyBroken: false }, tree.counts);
    const subnet = result.roots[0]?.children[0]?.children[0]?.children[0];
    assert.deepEqual(subnet?.children.map((c) => c.label), ['orders', 'nat-1', 'eni-1']);
    assert.equal(subnet?.children[0]?.parent, subnet);
    assert.notEqual(subnet, tree.byResourceId.get('subnet-a'), 'the full tree is left as built');
    assert.equal(tree.byResourceId.get('subnet-a')?.children.length, 3);
  });

  it('shows nothing when nothing matches', () => {
    const result = filterTree(tree.roots, { text: 'no-such-thing', onlyBroken: false }, tree.counts);
    assert.deepEqual(result.roots, []);
    assert.equal(result.matches, 0);
  });

  it('"only broken" keeps the rows with findings and the rows above them, and no healthy row beside them', () => {
    const result = filterTree(tree.roots, { text: '', onlyBroken: true }, tree.counts);
    const shown = labels(result.roots);
    assert.ok(shown.includes('        orders'));
    assert.ok(!shown.includes('        nat-1'), 'a healthy NAT gateway beside the broken function is hidden');
    assert.ok(!shown.includes('DNS'), 'a group with nothing broken is hidden');
    assert.ok(shown.includes('  old.shop.example'));
    assert.ok(!shown.includes('    *.shop.example'), 'a healthy certificate is hidden');
    assert.ok(shown.includes('Findings'));
  });

  it('says how many of a severity group\'s findings the filter shows', () => {
    const secondError: Finding = { ...noInternet, code: 'lambda-vpc-public-subnet', message: 'orders runs in public subnets' };
    const twoErrors = buildResourceTree(shopSnapshot(), [noInternet, secondError]);
    const errorsGroup = (roots: readonly ResourceTreeNode[]) => roots.find((r) => r.id === 'findings')?.children.find((c) => c.kind === 'severity');
    assert.equal(errorsGroup(twoErrors.roots)?.description, '2');
    const filtered = filterTree(twoErrors.roots, { text: 'public subnets', onlyBroken: false }, twoErrors.counts);
    assert.equal(errorsGroup(filtered.roots)?.description, '1 of 2');
    assert.equal(errorsGroup(filterTree(twoErrors.roots, { text: '', onlyBroken: true }, twoErrors.counts).roots)?.description, '2');
  });
});

describe('finding counts and badges', () => {
  const tree = buildResourceTree(shopSnapshot(), [noInternet, noMapping]);

  it('counts a finding on its row and every row above it, once even where the resource appears twice', () => {
    const fn = tree.byResourceId.get('orders')!;
    assert.deepEqual(tree.counts.get(fn.id), { error: 1, warning: 0, info: 0 });
    assert.deepEqual(tree.counts.get('account:111122223333/region:eu-west-1'), { error: 1, warning: 0, info: 0 });
    // orders is also under Domains → api.shop.example → / → shop-api.
    assert.deepEqual(tree.counts.get('domains'), { error: 1, warning: 1, info: 0 });
    assert.equal(tree.counts.get('findings'), undefined, 'the Findings group says its counts itself');
    assert.deepEqual(tree.totals, { error: 1, warning: 1, info: 0 });
  });

  it('gives a badge the count and the worst severity, none when clean', () => {
    assert.deepEqual(badgeOf({ error: 1, warning: 2, info: 0 }), { text: '3', severity: 'error', tooltip: '1 error, 2 warnings' });
    assert.deepEqual(badgeOf({ error: 0, warning: 0, info: 1 }), { text: '1', severity: 'info', tooltip: '1 note' });
    assert.equal(badgeOf({ error: 0, warning: 0, info: 0 }), undefined);
    assert.equal(badgeOf({ error: 150, warning: 0, info: 0 })?.text, '99');
  });
});

describe('tree ids across refreshes', () => {
  it('keeps every row id when the map is built again, and a finding row its id when another finding comes before it', () => {
    const ids = (roots: readonly ResourceTreeNode[]): string[] => roots.flatMap((n) => [n.id, ...ids(n.children)]);
    const first = ids(buildResourceTree(shopSnapshot(), [noInternet]).roots);
    assert.deepEqual(ids(buildResourceTree(shopSnapshot(), [noInternet]).roots), first);
    assert.equal(new Set(first).size, first.length, 'ids are unique');
    const earlier: Finding = { ...noInternet, code: 'lambda-vpc-public-subnet', message: 'orders sits in a public subnet' };
    const again = ids(buildResourceTree(shopSnapshot(), [earlier, noInternet]).roots);
    const findingId = first.find((id) => id.includes('lambda-vpc-no-internet'));
    assert.ok(findingId && again.includes(findingId), `${findingId} is still there`);
  });
});
