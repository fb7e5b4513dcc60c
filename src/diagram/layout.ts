// Layout as a pure function: snapshot and findings in, a Diagram with absolute coordinates out.
// ELK comes from a factory so the caller picks where it runs: the bundled, in-process ELK here
// (CLI, tests, extension host off its hot path) or a worker-backed one.
import ElkConstructor from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import type { Finding } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import { connectedComponents, packParts, type Part } from './components';
import type { Diagram, DiagramEdge, DiagramNode, Point } from './drawing';
import { placeEdgeLabels } from './edge-labels';
import { ROOT_ID, buildScene, isContainerKind, sceneToElk } from './elk-graph';
import { ROOT_PADDING, leafSize } from './elk-options';
import type { Scene } from './scene';

export type ElkFactory = () => ELK;

let sharedElk: ELK | undefined;

/** The in-process ELK, made once: creating one loads the whole engine. */
export const bundledElk: ElkFactory = () => (sharedElk ??= new ElkConstructor());

/** Two decimals: ELK's doubles carry float noise that would make golden tests and JSON diffs flaky. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function offset(p: ElkPoint, by: Point): Point {
  return { x: round(p.x + by.x), y: round(p.y + by.y) };
}

export async function layoutDiagram(snapshot: Snapshot, findings: readonly Finding[], elk: ElkFactory = bundledElk): Promise<Diagram> {
  const scene = buildScene(snapshot, findings);
  const engine = elk();
  const parts = await Promise.all(
    connectedComponents(scene).map(async (topIds) => loneLeafPart(scene, topIds) ?? toPart(scene, await engine.layout(sceneToElk(scene, topIds)))),
  );
  const { nodes, edges, width, height } = packParts(parts);
  placeEdgeLabels(nodes, edges);
  return {
    title: scene.title,
    width: round(width),
    height: round(height),
    nodes,
    edges,
    findings: scene.findings.map((f) => ({ ...f, nodeIds: [...f.nodeIds] })),
  };
}

/**
 * A part that is one box with no arrows (a function outside any VPC, used by nothing) needs no
 * layout engine; placing it directly saves an ELK run per box, which dominated large accounts.
 */
function loneLeafPart(scene: Scene, topIds: readonly string[]): Part | undefined {
  const [id] = topIds;
  const node = id === undefined ? undefined : scene.node(id);
  if (!node || topIds.length !== 1 || scene.childrenOf(node.id).length > 0 || isContainerKind(node.kind)) return undefined;
  const { width, height } = leafSize(node.kind, node.label, node.detail, node.status !== 'ok');
  const x = ROOT_PADDING;
  const y = ROOT_PADDING;
  return toPart(scene, { id: ROOT_ID, width: width + 2 * x, height: height + 2 * y, children: [{ id: node.id, x, y, width, height }], edges: [] });
}

/** ELK gives each node relative to its parent and each edge relative to its container; a Part is absolute from its own origin. */
export function toPart(scene: Scene, root: ElkNode): Part {
  const origins = new Map<string, Point>([[ROOT_ID, { x: 0, y: 0 }]]);
  const toNode = (elkNode: ElkNode, parentOrigin: Point): DiagramNode => {
    const sceneNode = scene.node(elkNode.id);
    if (!sceneNode) throw new Error(`layout returned a node ${elkNode.id} the diagram never had`);
    const origin = { x: parentOrigin.x + (elkNode.x ?? 0), y: parentOrigin.y + (elkNode.y ?? 0) };
    origins.set(elkNode.id, origin);
    const node: DiagramNode = {
      id: sceneNode.id,
      kind: sceneNode.kind,
      label: sceneNode.label,
      x: round(origin.x),
      y: round(origin.y),
      width: round(elkNode.width ?? 0),
      height: round(elkNode.height ?? 0),
      status: sceneNode.status,
      findings: [...sceneNode.findings],
      children: (elkNode.children ?? []).map((child) => toNode(child, origin)),
    };
    if (sceneNode.detail !== undefined) node.detail = sceneNode.detail;
    if (sceneNode.resourceId !== undefined) node.resourceId = sceneNode.resourceId;
    if (sceneNode.logicalId !== undefined) node.logicalId = sceneNode.logicalId;
    if (sceneNode.missing === true) node.missing = true;
    return node;
  };
  const nodes = (root.children ?? []).map((child) => toNode(child, { x: 0, y: 0 }));
  const sceneEdges = new Map(scene.edges().map((e) => [e.id, e]));
  const edges = (root.edges ?? []).map((elkEdge: ElkExtendedEdge): DiagramEdge => {
    const sceneEdge = sceneEdges.get(elkEdge.id);
    if (!sceneEdge) throw new Error(`layout returned an edge ${elkEdge.id} the diagram never had`);
    const origin = origins.get(elkEdge.container ?? ROOT_ID) ?? { x: 0, y: 0 };
    const points = (elkEdge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]).map((p) => offset(p, origin));
    const edge: DiagramEdge = { id: sceneEdge.id, source: sceneEdge.source, target: sceneEdge.target, points, status: sceneEdge.status };
    if (sceneEdge.reason !== undefined) edge.reason = sceneEdge.reason;
    if (sceneEdge.label !== undefined) edge.label = sceneEdge.label;
    return edge;
  });
  return { nodes, edges, width: round(root.width ?? 0), height: round(root.height ?? 0) };
}
