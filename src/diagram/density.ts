// Level of detail for crowded subnets. With an arrow per function, ELK's layered layout puts every
// function of a subnet in one column (they all leave for the same NAT), so a subnet of 60 functions
// becomes a 3000 px strip. Past a handful of boxes, the subnet's arrows leave from the subnet itself
// (its route table is the subnet's anyway) and the boxes inside are packed in a grid; each box keeps
// its own status colour, and the lifted arrow keeps the worst status of the arrows it replaces.
import type { Scene } from './scene';

/** Boxes in a subnet beyond which its arrows are drawn from the subnet. */
export const DENSE_SUBNET_LEAVES = 8;

export function liftCrowdedSubnets(scene: Scene): void {
  for (const node of scene.nodes()) {
    if (node.kind === 'subnet' && scene.childrenOf(node.id).length > DENSE_SUBNET_LEAVES) scene.liftEdgesInto(node.id);
  }
}
