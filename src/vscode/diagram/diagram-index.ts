// Diagram node ids are not always resource ids: a function drawn once per subnet is
// `<function>@<subnet>` with `resourceId` naming the function. The tree speaks resource ids, so
// selections crossing between the two are translated here. Pure: tested in plain Node.
import type { Diagram, DiagramNode } from '../../diagram/drawing';

function* walk(nodes: readonly DiagramNode[]): Generator<DiagramNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

export function nodeById(diagram: Diagram, nodeId: string): DiagramNode | undefined {
  for (const node of walk(diagram.nodes)) if (node.id === nodeId) return node;
  return undefined;
}

/** The resource a diagram node draws (its id when it names none). */
export function resourceOfNode(diagram: Diagram, nodeId: string): string {
  const node = nodeById(diagram, nodeId);
  return node ? (node.resourceId ?? node.id) : nodeId;
}

/** The first diagram node drawing a resource, or undefined when the diagram does not show it. */
export function nodeOfResource(diagram: Diagram, resourceId: string): string | undefined {
  for (const node of walk(diagram.nodes)) if ((node.resourceId ?? node.id) === resourceId) return node.id;
  return undefined;
}
