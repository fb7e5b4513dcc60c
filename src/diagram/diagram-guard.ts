// Checks that a value really is a Diagram before the page draws it: postMessage delivers whatever
// was sent, and a malformed diagram should be refused whole, not half-drawn.
import { NODE_KINDS, STATUSES, type Box, type Diagram, type DiagramEdge, type DiagramFinding, type DiagramNode, type Point } from './drawing';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (v: unknown) => boolean): boolean => value === undefined || check(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isOneOf = <T extends string>(options: readonly T[]) => (value: unknown): value is T => options.includes(value as T);

function isPoint(value: unknown): value is Point {
  return isObject(value) && isNumber(value.x) && isNumber(value.y);
}

function isBox(value: unknown): value is Box {
  return isObject(value) && isNumber(value.x) && isNumber(value.y) && isNumber(value.width) && isNumber(value.height);
}

function isNode(v: unknown, depth: number): v is DiagramNode {
  // Nesting is VPC ⊃ subnet ⊃ leaf; anything far deeper is not a diagram we made.
  if (depth > 16 || !isObject(v) || !isBox(v)) return false;
  return (
    isString(v.id) &&
    isOneOf(NODE_KINDS)(v.kind) &&
    isString(v.label) &&
    optional(v.detail, isString) &&
    optional(v.resourceId, isString) &&
    optional(v.logicalId, isString) &&
    optional(v.missing, (m) => typeof m === 'boolean') &&
    isOneOf(STATUSES)(v.status) &&
    isStringArray(v.findings) &&
    Array.isArray(v.children) &&
    v.children.every((child) => isNode(child, depth + 1))
  );
}

function isEdge(value: unknown): value is DiagramEdge {
  if (!isObject(value)) return false;
  return (
    isString(value.id) &&
    isString(value.source) &&
    isString(value.target) &&
    Array.isArray(value.points) &&
    value.points.every(isPoint) &&
    isOneOf(STATUSES)(value.status) &&
    optional(value.reason, isString) &&
    optional(value.label, isString) &&
    optional(value.labelBox, isBox)
  );
}

function isFinding(value: unknown): value is DiagramFinding {
  return (
    isObject(value) &&
    isString(value.code) &&
    isOneOf(['error', 'warning', 'info'] as const)(value.severity) &&
    isString(value.message) &&
    isStringArray(value.nodeIds)
  );
}

export function isDiagram(value: unknown): value is Diagram {
  return (
    isObject(value) &&
    isString(value.title) &&
    isNumber(value.width) &&
    isNumber(value.height) &&
    Array.isArray(value.nodes) &&
    value.nodes.every((n) => isNode(n, 0)) &&
    Array.isArray(value.edges) &&
    value.edges.every(isEdge) &&
    Array.isArray(value.findings) &&
    value.findings.every(isFinding)
  );
}
