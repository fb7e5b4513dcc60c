// The one place layout options live: what ELK is told for the whole graph, for each kind of box,
// and for edge labels. Sizes follow text-metrics so boxes fit the text the drawing puts in them.
import type { LayoutOptions } from 'elkjs/lib/elk-api';
import type { NodeKind } from './drawing';
import { DETAIL_TEXT, EDGE_LABEL_TEXT, LABEL_TEXT, textWidth } from './text-metrics';

/** Margin around each laid-out part of the picture. */
export const ROOT_PADDING = 20;
/** Inset of text from a box's left edge; the drawing uses the same value. */
export const TEXT_INSET = 10;
/** Room kept at a box's right for the status badge of a box with findings. */
export const BADGE_ROOM = 20;
/** Height of a container's title block (label + detail) above its children. */
export const HEADER_HEIGHT = 44;
export const LEAF_HEIGHT = 46;
export const EDGE_LABEL_HEIGHT = 16;

interface Size {
  width: number;
  height: number;
}

/** Width bounds per kind: wide enough for an id plus a state, narrow enough to keep the map compact. */
const WIDTH: Partial<Record<NodeKind, { min: number; max: number }>> = {
  internet: { min: 96, max: 140 },
  'internet-gateway': { min: 132, max: 200 },
  'nat-gateway': { min: 150, max: 220 },
  mapping: { min: 120, max: 200 },
  certificate: { min: 150, max: 240 },
};
const DEFAULT_WIDTH = { min: 132, max: 260 };
const CONTAINER_MAX_WIDTH = 360;

function textBlockWidth(label: string, detail: string | undefined, badged: boolean): number {
  const text = Math.max(textWidth(label, LABEL_TEXT), detail === undefined ? 0 : textWidth(detail, DETAIL_TEXT));
  return text + 2 * TEXT_INSET + (badged ? BADGE_ROOM : 0);
}

export function leafSize(kind: NodeKind, label: string, detail: string | undefined, badged: boolean): Size {
  const bounds = WIDTH[kind] ?? DEFAULT_WIDTH;
  const width = Math.min(bounds.max, Math.max(bounds.min, textBlockWidth(label, detail, badged)));
  return { width, height: LEAF_HEIGHT };
}

export function edgeLabelSize(text: string): Size {
  return { width: textWidth(text, EDGE_LABEL_TEXT) + 8, height: EDGE_LABEL_HEIGHT };
}

/** The whole graph: left-to-right layers (DNS → domain → API → function → gateway → internet), one layout across nesting. */
export const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Edges cross VPC and subnet borders; only a whole-hierarchy layout routes them properly.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': `[top=${ROOT_PADDING},left=${ROOT_PADDING},bottom=${ROOT_PADDING},right=${ROOT_PADDING}]`,
  'elk.spacing.nodeNode': '20',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '8',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  // Input order breaks ties, so the same snapshot always gives the same picture.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
};

/** Inset of a subnet's (or zone's) children from its border; a VPC's is a little wider. */
export const CONTAINER_INSET = 12;
const VPC_INSET = 16;

/** The narrowest a container may be so its title block fits. */
export function containerMinWidth(label: string, detail: string | undefined, badged: boolean): number {
  return Math.min(CONTAINER_MAX_WIDTH, textBlockWidth(label, detail, badged));
}

/** A box with children laid out by the whole-graph layered layout. */
export function containerOptions(kind: NodeKind, label: string, detail: string | undefined, badged: boolean): LayoutOptions {
  const minWidth = containerMinWidth(label, detail, badged);
  const inset = kind === 'vpc' ? VPC_INSET : CONTAINER_INSET;
  return {
    'elk.padding': `[top=${HEADER_HEIGHT + 4},left=${inset},bottom=${inset},right=${inset}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${minWidth},${HEADER_HEIGHT + 16})`,
    'elk.spacing.nodeNode': '14',
  };
}
