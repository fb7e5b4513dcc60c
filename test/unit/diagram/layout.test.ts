import assert from 'node:assert/strict';
import type { Finding } from '../../../src/model/finding';
import { describe, it } from 'node:test';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { Diagram, DiagramEdge, DiagramNode } from '../../../src/diagram/drawing';
import { bundledElk, layoutDiagram } from '../../../src/diagram/layout';
import { inVpc, lambda, routeTable, snapshotOf, storyFindings, storySnapshot, subnet, tinySnapshot, vpc } from './builders';

function allNodes(nodes: readonly DiagramNode[]): DiagramNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

function node(diagram: Diagram, id: string): DiagramNode {
  const found = allNodes(diagram.nodes).find((n) => n.id === id);
  assert.ok(found, `no node ${id}; have ${allNodes(diagram.nodes).map((n) => n.id).join(', ')}`);
  return found;
}

function edge(diagram: Diagram, source: string, target: string): DiagramEdge {
  const found = diagram.edges.find((e) => e.source === source && e.target === target);
  assert.ok(found, `no edge ${source} → ${target}; have ${diagram.edges.map((e) => `${e.source}→${e.target}`).join(', ')}`);
  return found;
}

const box = ({ x, y, width, height }: DiagramNode) => ({ x, y, width, height });

function inside(inner: DiagramNode, outer: DiagramNode): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function overlap(a: DiagramNode, b: DiagramNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutDiagram', () => {
  it('pins the positions of a tiny graph (a layout change must be noticed, then re-pinned on purpose)', async () => {
    const diagram = await layoutDiagram(tinySnapshot(), []);
    // Root padding 20; a container's title block is 48 high, with insets of 16 (VPC) and 12 (subnet);
    // widths come from the text estimates of the longest line (the subnet's and function's detail).
    assert.deepEqual(box(node(diagram, 'vpc-1')), { x: 20, y: 20, width: 305, height: 170 });
    assert.deepEqual(box(node(diagram, 'subnet-a')), { x: 36, y: 68, width: 273, height: 106 });
    assert.deepEqual(box(node(diagram, 'orders@subnet-a')), { x: 48, y: 116, width: 175, height: 46 });
    assert.deepEqual({ width: diagram.width, height: diagram.height }, { width: 345, height: 210 });
  });

  it('nests function in subnet in VPC, each inside its parent', async () => {
    const diagram = await layoutDiagram(tinySnapshot(), []);
    const [vpcNode] = diagram.nodes;
    assert.equal(vpcNode?.kind, 'vpc');
    const subnetNode = vpcNode.children[0];
    assert.equal(subnetNode?.kind, 'subnet');
    const fn = subnetNode.children[0];
    assert.equal(fn?.kind, 'function');
    assert.equal(fn.resourceId, 'orders');
    assert.ok(inside(subnetNode, vpcNode) && inside(fn, subnetNode));
  });

  it('keeps every child inside its parent and siblings apart in a fuller picture', async () => {
    const diagram = await layoutDiagram(storySnapshot(), storyFindings());
    const check = (siblings: readonly DiagramNode[], parent?: DiagramNode): void => {
      siblings.forEach((a, i) => {
        if (parent) assert.ok(inside(a, parent), `${a.id} leaves ${parent.id}`);
        for (const b of siblings.slice(i + 1)) assert.ok(!overlap(a, b), `${a.id} overlaps ${b.id}`);
        check(a.children, a);
      });
    };
    check(diagram.nodes);
    for (const e of diagram.edges) {
      assert.ok(e.points.length >= 2, `${e.id} has no route`);
      for (const p of e.points) assert.ok(p.x >= 0 && p.y >= 0 && p.x <= diagram.width && p.y <= diagram.height, `${e.id} leaves the picture`);
    }
  });

  it('colours the arrow into a broken hop and carries its reason', async () => {
    const diagram = await layoutDiagram(storySnapshot(), storyFindings());
    const publicSubnetPath = edge(diagram, 'notifier@subnet-pub', 'igw-1');
    assert.equal(publicSubnetPath.status, 'error');
    assert.equal(publicSubnetPath.reason, 'Lambda ENIs never get public IPs');
    assert.equal(publicSubnetPath.label, 'Lambda ENIs never get public IPs');
    assert.ok(publicSubnetPath.labelBox, 'a labelled edge has a place for its label');
    assert.equal(node(diagram, 'notifier@subnet-pub').status, 'error');
    assert.match(node(diagram, 'notifier@subnet-pub').findings[0] ?? '', /never get public IPs/);

    // A hop on an undrawn resource (the route table) breaks the next arrow: orders → the Lambda API.
    const noEndpoint = edge(diagram, 'orders@subnet-priv', 'aws-service:lambda');
    assert.equal(noEndpoint.status, 'error');
    assert.equal(node(diagram, 'aws-service:lambda').kind, 'aws-service');
    assert.equal(node(diagram, 'aws-service:lambda').label, 'lambda API');

    const timeout = edge(diagram, 'a1b2c3', 'web');
    assert.equal(timeout.status, 'warning');
    assert.equal(node(diagram, 'web').status, 'warning');

    assert.equal(edge(diagram, 'igw-1', 'internet').status, 'ok');
    assert.equal(edge(diagram, 'map-1', 'a1b2c3').status, 'ok');
  });

  it('writes a broken hop\'s reason on its own arrow, clear of every box', async () => {
    const diagram = await layoutDiagram(storySnapshot(), storyFindings());
    const placed = diagram.edges.filter((e) => e.labelBox);
    assert.ok(placed.length >= 2, 'most broken arrows get their reason written on them');
    const boxes = allNodes(diagram.nodes).map((n) => (n.children.length > 0 ? { ...n, height: 44 } : n));
    for (const e of placed) {
      const label = e.labelBox;
      assert.ok(label);
      assert.equal(e.status === 'ok', false, 'only broken or risky arrows are labelled');
      for (const b of boxes) assert.ok(!overlap(label as DiagramNode, b), `the label of ${e.id} covers ${b.id}`);
      // The label touches its own arrow: some run of the path passes within a few pixels of it.
      const near = e.points.slice(1).some((p, i) => {
        const q = e.points[i] ?? p;
        const [x0, x1, y0, y1] = [Math.min(p.x, q.x), Math.max(p.x, q.x), Math.min(p.y, q.y), Math.max(p.y, q.y)];
        return x1 >= label.x - 8 && x0 <= label.x + label.width + 8 && y1 >= label.y - 8 && y0 <= label.y + label.height + 8;
      });
      assert.ok(near, `the label of ${e.id} sits by its arrow`);
    }
  });

  it('packs unrelated parts into rows instead of one long strip', async () => {
    const diagram = await layoutDiagram(storySnapshot(), storyFindings());
    const domain = node(diagram, 'api.example.com');
    const vpcBox = node(diagram, 'vpc-1');
    assert.ok(domain.y >= vpcBox.y + vpcBox.height || vpcBox.y >= domain.y + domain.height, 'the VPC and the domain chain sit in different rows');
    assert.ok(diagram.width / diagram.height < 3, `aspect ${diagram.width}x${diagram.height}`);
  });

  it('draws a missing hop as a dashed box the broken arrow points at', async () => {
    const diagram = await layoutDiagram(storySnapshot(), storyFindings());
    const missing = allNodes(diagram.nodes).find((n) => n.missing);
    assert.ok(missing);
    assert.equal(missing.kind, 'mapping');
    assert.equal(missing.label, 'no api mapping', 'a rule names the missing mapping by its domain id; it must not land on the domain box');
    const arrow = edge(diagram, 'dev.example.com', missing.id);
    assert.equal(arrow.status, 'error');
    assert.equal(arrow.reason, 'no API mapping');
    const listed = diagram.findings.find((f) => f.code === 'domain-no-mapping');
    assert.deepEqual(new Set(listed?.nodeIds), new Set(['dev.example.com', missing.id]));
  });

  it('puts a broken stage (a link, not a resource) on the arrow it breaks, not in a missing box', async () => {
    const findings: Finding[] = [
      {
        code: 'domain-no-mapping',
        severity: 'error',
        message: 'api.example.com maps to stage prod of shop-api, which does not exist',
        resource: { kind: 'domain-name', id: 'api.example.com' },
        hops: [
          { kind: 'domain-name', id: 'api.example.com', ok: true },
          { kind: 'api-mapping', id: 'map-1', ok: true },
          { kind: 'api', id: 'a1b2c3', ok: true },
          { kind: 'stage', id: 'a1b2c3/prod', ok: false, reason: 'stage prod does not exist' },
          { kind: 'integration', id: 'a1b2c3 ANY /{proxy+}', ok: true },
          { kind: 'lambda-function', id: 'web', ok: true },
        ],
      },
    ];
    const diagram = await layoutDiagram(storySnapshot(), findings);
    assert.deepEqual(allNodes(diagram.nodes).filter((n) => n.missing).map((n) => n.id), []);
    const arrow = edge(diagram, 'a1b2c3', 'web');
    assert.equal(arrow.status, 'error');
    assert.match(arrow.reason ?? '', /stage prod does not exist/);
  });

  it('draws a function once per subnet and marks only the copy on the broken path', async () => {
    const snapshot = snapshotOf({
      vpcs: [vpc('vpc-1')],
      subnets: [subnet('subnet-a', 'vpc-1', '10.0.1.0/24'), subnet('subnet-b', 'vpc-1', '10.0.2.0/24', { availabilityZone: 'eu-west-1b' })],
      routeTables: [routeTable('rtb-main', 'vpc-1', [])],
      lambdaFunctions: [lambda('orders', { vpcConfig: inVpc(['subnet-a', 'subnet-b']) })],
    });
    const diagram = await layoutDiagram(snapshot, [
      {
        code: 'route-blackhole',
        severity: 'error',
        message: 'subnet-b routes 0.0.0.0/0 into a blackhole',
        resource: { kind: 'function', id: 'orders' },
        hops: [
          { kind: 'function', id: 'orders', ok: true },
          { kind: 'subnet', id: 'subnet-b', ok: false, reason: 'blackhole route' },
        ],
      },
    ]);
    assert.equal(node(diagram, 'orders@subnet-a').status, 'ok');
    assert.equal(node(diagram, 'orders@subnet-b').status, 'error');
    assert.equal(node(diagram, 'subnet-b').status, 'error');
    assert.equal(node(diagram, 'orders@subnet-b').resourceId, 'orders');
  });

  it('names the template logical id on every drawing of a resource a template declared, and on nothing else', async () => {
    const snapshot = snapshotOf({
      vpcs: [vpc('vpc-1', { logicalId: 'AppVpc' })],
      subnets: [subnet('subnet-a', 'vpc-1', '10.0.1.0/24'), subnet('subnet-b', 'vpc-1', '10.0.2.0/24')],
      routeTables: [routeTable('rtb-main', 'vpc-1', [])],
      lambdaFunctions: [lambda('orders', { logicalId: 'OrdersFunction', vpcConfig: inVpc(['subnet-a', 'subnet-b']) })],
    });
    const diagram = await layoutDiagram(snapshot, []);
    assert.equal(node(diagram, 'vpc-1').logicalId, 'AppVpc');
    assert.equal(node(diagram, 'orders@subnet-a').logicalId, 'OrdersFunction');
    assert.equal(node(diagram, 'orders@subnet-b').logicalId, 'OrdersFunction');
    assert.equal(node(diagram, 'subnet-a').logicalId, undefined);
  });

  it('is deterministic and takes its ELK from the factory it is given', async () => {
    const graphs: ElkNode[] = [];
    const recording = (): ELK => {
      const real = bundledElk();
      return { ...real, layout: (graph) => (graphs.push(structuredClone(graph)), real.layout(graph)) };
    };
    const first = await layoutDiagram(storySnapshot(), storyFindings(), recording);
    const second = await layoutDiagram(storySnapshot(), storyFindings());
    assert.deepEqual(first, second);
    // One layout per connected part (the VPC network; the domain chain; the lone function web … ).
    assert.ok(graphs.length > 1);
    for (const graph of graphs) {
      assert.equal(graph.layoutOptions?.['elk.algorithm'], 'layered');
      assert.equal(graph.layoutOptions?.['elk.hierarchyHandling'], 'INCLUDE_CHILDREN');
    }
  });

  it('draws a crowded subnet\'s arrows from the subnet, keeping the worst status, and grids its boxes', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `fn-${i}`);
    const snapshot = snapshotOf({
      vpcs: [vpc('vpc-1')],
      subnets: [subnet('subnet-pub', 'vpc-1', '10.0.0.0/24')],
      routeTables: [routeTable('rtb-pub', 'vpc-1', ['subnet-pub'], 'igw-1')],
      internetGateways: [{ id: 'igw-1', accountId: '111122223333', region: 'eu-west-1', attachedVpcIds: ['vpc-1'] }],
      lambdaFunctions: names.map((n) => lambda(n, { vpcConfig: inVpc(['subnet-pub']) })),
    });
    const diagram = await layoutDiagram(snapshot, [
      {
        code: 'lambda-vpc-public-subnet',
        severity: 'error',
        message: 'fn-3 is in a public subnet',
        resource: { kind: 'lambda-function', id: 'fn-3' },
        hops: [
          { kind: 'lambda-function', id: 'fn-3', ok: true },
          { kind: 'internet-gateway', id: 'igw-1', ok: false, reason: 'Lambda ENIs never get public IPs' },
        ],
      },
    ]);
    const lifted = edge(diagram, 'subnet-pub', 'igw-1');
    assert.equal(lifted.status, 'error');
    assert.equal(lifted.reason, 'Lambda ENIs never get public IPs');
    assert.ok(!diagram.edges.some((e) => e.source.startsWith('fn-')), 'no arrow leaves a box inside the crowded subnet');
    assert.equal(node(diagram, 'fn-3@subnet-pub').status, 'error', 'the broken function is still marked itself');
    assert.equal(node(diagram, 'fn-4@subnet-pub').status, 'ok');
    const columns = new Set(node(diagram, 'subnet-pub').children.map((n) => n.x));
    assert.ok(columns.size > 1 && columns.size < 12, `a grid, not a column or a row (${columns.size} columns)`);
  });

  it('packs arrow-less leaves in a subnet into a grid instead of one long column', async () => {
    const enis = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => ({
      id: `eni-${n}`,
      accountId: '111122223333',
      region: 'eu-west-1',
      vpcId: 'vpc-1',
      subnetId: 'subnet-a',
      securityGroupIds: ['sg-db'],
      interfaceType: 'interface',
      description: `RDSNetworkInterface ${n}`,
    }));
    const diagram = await layoutDiagram(snapshotOf({ vpcs: [vpc('vpc-1')], subnets: [subnet('subnet-a', 'vpc-1', '10.0.1.0/24')], networkInterfaces: enis }), []);
    const columns = new Set(node(diagram, 'subnet-a').children.map((n) => n.x));
    assert.ok(columns.size > 1, 'leaves spread over more than one column');
  });
});
