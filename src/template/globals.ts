// SAM's Globals section merged into each resource it applies to, as SAM does: the resource's own
// scalars win, maps merge key by key, lists are the global items followed by the resource's,
// and an intrinsic function on either side counts as a scalar (the resource's wins).
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
// The merged tree is new, but every node in it is one of the originals, so ranges still point
// at the text that set the value — Globals or the resource.
import { childOf, mapNode, type MapEntry, type MapNode, type TemplateNode } from './template-node';

/** Globals sections by the SAM resource type they apply to. */
const GLOBALS_SECTION: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
};

export function globalsFor(root: MapNode, resourceType: string): TemplateNode | undefined {
  const section = GLOBALS_SECTION[resourceType];
  return section ? childOf(childOf(root, 'Globals'), section) : undefined;
}

export function mergeGlobals(global: TemplateNode | undefined, local: TemplateNode | undefined): TemplateNode | undefined {
  if (global === undefined) return local;
  if (local === undefined) return global;
  if (global.kind === 'map' && local.kind === 'map') {
    const entries: MapEntry[] = [];
    for (const entry of global.entries) {
      const own = local.byKey.get(entry.key);
      entries.push(own ? { ...own, value: mergeGlobals(entry.value, own.value) ?? own.value } : entry);
    }
    for (const entry of local.entries) if (!global.byKey.has(entry.key)) entries.push(entry);
    return mapNode(entries, local.span);
  }
  if (global.kind === 'seq' && local.kind === 'seq') return { kind: 'seq', items: [...global.items, ...local.items], span: local.span };
  return local;
}
