// Snapshot + findings → the ELK graph to lay out (and the scene it was made from, which carries
// what ELK does not: labels, kinds, statuses). All layout options come from elk-options.ts.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Finding } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import type { NodeKind } from './drawing';
import { ROOT_OPTIONS, containerMinWidth, containerOptions, leafSize } from './elk-options';
import { packedContainer } from './leaf-grid';
import { liftCrowdedSubnets } from './density';
import { Scene, type SceneNode } from './scene';
import { addDomainChain } from './scene-domains';
import { applyFindings, type SnapshotIds } from './scene-findings';
import { addNetwork } from './scene-network';

// Not a possible AWS id or Lambda name (no colon allowed), so it cannot collide with a node.
export const ROOT_ID = 'snm:root';

function diagramTitle(snapshot: Snapshot): string {
  const accounts = snapshot.accounts.map((a) => a.alias ?? a.id).join(', ');
  const who = snapshot.source.kind === 'demo' ? 'Demo account' : accounts ? `Account ${accounts}` : 'Snapshot';
  return [who, snapshot.regions.join(', ')].filter(Boolean).join(' · ');
}

/** Every id the snapshot holds, so a hop naming an undrawn resource (a route table) is not taken for a missing one. */
function snapshotIds(snapshot: Snapshot): SnapshotIds {
  const known = new Set<string>();
  const idOfArn = new Map<string, string>();
  for (const list of Object.values(snapshot.resources)) {
    for (const resource of list as ReadonlyArray<{ id: string; arn?: string }>) {
      known.add(resource.id);
      if (resource.arn !== undefined && resource.arn !== resource.id) idOfArn.set(resource.arn, resource.id);
    }
  }
  return { known, idOfArn };
}

function referencedIds(findings: readonly Finding[]): Set<string> {
  const ids = new Set<string>();
  for (const f of findings) {
    if (f.resource.id !== undefined) ids.add(f.resource.id);
    for (const hop of f.hops ?? []) ids.add(hop.id);
  }
  return ids;
}

export function buildScene(snapshot: Snapshot, findings: readonly Finding[]): Scene {
  const scene = new Scene(diagramTitle(snapshot));
  addNetwork(scene, snapshot, referencedIds(findings));
  addDomainChain(scene, snapshot);
  applyFindings(scene, findings, snapshotIds(snapshot));
  liftCrowdedSubnets(scene);
  nameTemplateSources(scene, snapshot);
  return scene;
}

/** Each box drawing a resource a template declared carries its logical id, so the page can offer "Go to template". */
function nameTemplateSources(scene: Scene, snapshot: Snapshot): void {
  const logicalIds = new Map<string, string>();
  for (const list of Object.values(snapshot.resources)) {
    for (const resource of list as ReadonlyArray<{ id: string; logicalId?: string }>) {
      if (resource.logicalId !== undefined) logicalIds.set(resource.id, resource.logicalId);
    }
  }
  for (const node of scene.nodes()) {
    const logicalId = node.resourceId === undefined ? undefined : logicalIds.get(node.resourceId);
    if (logicalId !== undefined) node.logicalId = logicalId;
  }
}

/** Kinds drawn as boxes that hold others, even when empty. */
export function isContainerKind(kind: NodeKind): boolean {
  return kind === 'vpc' || kind === 'subnet' || kind === 'hosted-zone';
}

/** The ELK graph of some top-level boxes (a connected part of the scene, or all of it). */
export function sceneToElk(scene: Scene, topIds: readonly string[] = scene.childrenOf(undefined).map((n) => n.id)): ElkNode {
  const included = new Set(topIds);
  const edges = scene.edges().filter((e) => included.has(scene.topOf(e.source)) && included.has(scene.topOf(e.target)));
  const connected = new Set(edges.flatMap((e) => [e.source, e.target]));
  const toElk = (node: SceneNode): ElkNode => {
    const children = scene.childrenOf(node.id);
    if (children.length === 0 && !isContainerKind(node.kind)) {
      return { id: node.id, ...leafSize(node.kind, node.label, node.detail, node.status !== 'ok') };
    }
    const badged = node.status !== 'ok';
    // A subnet with no arrows reaching inside is packed in a grid; ELK keeps it as placed.
    if (node.kind === 'subnet' && children.length > 1 && children.every((c) => !connected.has(c.id) && scene.childrenOf(c.id).length === 0)) {
      const leaves = children.map((c) => ({ id: c.id, ...leafSize(c.kind, c.label, c.detail, c.status !== 'ok') }));
      return packedContainer(node.id, leaves, containerMinWidth(node.label, node.detail, badged));
    }
    return { id: node.id, layoutOptions: containerOptions(node.kind, node.label, node.detail, badged), children: children.map(toElk) };
  };
  const elkEdges: ElkExtendedEdge[] = edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] }));
  const tops = scene.childrenOf(undefined).filter((n) => included.has(n.id));
  return { id: ROOT_ID, layoutOptions: ROOT_OPTIONS, children: tops.map(toElk), edges: elkEdges };
}
