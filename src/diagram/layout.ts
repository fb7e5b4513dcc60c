// Layout as a pure function: snapshot and findings in, a Diagram with absolute coordinates out.
// ELK comes from a factory so the caller picks where it runs: the bundled, in-process ELK here
// (CLI, tests, extension host off its hot path) or a worker-backed one.
import ElkConstructor from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import type { Finding } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import type { Box, Diagram, DiagramEdge, DiagramNode, Point } from './drawing';
import { ROOT_ID, buildElkGraph } from './elk-graph';
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
  const { graph, scene } = buildElkGraph(snapshot, findings);
  const laidOut = await elk().layout(graph);
  return toDiagram(scene, laidOut);
}

/** ELK gives each node relative to its parent and each edge relative to its container; the Diagram is absolute. */
export function toDiagram(scene: Scene, root: ElkNode): Diagram {
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
    if (sceneEdge.label !== undefined) {
      edge.label = sceneEdge.label;
      const label = elkEdge.labels?.[0];
      if (label?.x !== undefined && label.y !== undefined) edge.labelBox = labelBox(label, origin);
    }
    return edge;
  });
  return {
    title: scene.title,
    width: round(root.width ?? 0),
    height: round(root.height ?? 0),
    nodes,
    edges,
    findings: scene.findings.map((f) => ({ ...f, nodeIds: [...f.nodeIds] })),
  };
}

function labelBox(label: { x?: number; y?: number; width?: number; height?: number }, origin: Point): Box {
  return {
    x: round((label.x ?? 0) + origin.x),
    y: round((label.y ?? 0) + origin.y),
    width: round(label.width ?? 0),
    height: round(label.height ?? 0),
  };
}
