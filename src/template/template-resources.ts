// The Resources section as a list of typed resources (SAM Globals merged in), plus the APIs SAM
// creates implicitly for Api / HttpApi events that name none: ServerlessRestApi (stage "Prod")
// and ServerlessHttpApi (stage "$default"), which Globals apply to as well.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html
// Structural mistakes CloudFormation rejects outright (no Resources, a resource without Type) are
// reported as problems at the offending key.
import type { TemplateProblem } from './parse-template';
import { globalsFor, mergeGlobals } from './globals';
import type { Span } from './source-text';
import type { TemplateResource } from './template-context';
import { childOf, mapNode, scalarText, type MapNode, type TemplateNode } from './template-node';

export interface CollectedResources {
  readonly resources: TemplateResource[];
  /** Resource-level `Condition`, by logical id. */
  readonly conditions: ReadonlyMap<string, string>;
  readonly problems: TemplateProblem[];
}

function syntheticApi(root: MapNode, logicalId: string, type: string, stage: string | undefined, at: Span): TemplateResource {
  const own = stage === undefined ? [] : [{ key: 'StageName', keySpan: at, value: { kind: 'scalar' as const, value: stage, span: at } }];
  const properties = mergeGlobals(globalsFor(root, type), mapNode(own, at));
  return { logicalId, type, keySpan: at, node: mapNode([], at), properties };
}

/** Api/HttpApi events without RestApiId/ApiId, by the implicit API they attach to (first event's key). */
function implicitApis(root: MapNode, resources: readonly TemplateResource[], declared: ReadonlySet<string>): TemplateResource[] {
  const found = new Map<string, TemplateResource>();
  for (const resource of resources) {
    if (resource.type !== 'AWS::Serverless::Function') continue;
    const events = childOf(resource.properties, 'Events');
    if (events?.kind !== 'map') continue;
    for (const event of events.entries) {
      const type = scalarText(childOf(event.value, 'Type'));
      const props = childOf(event.value, 'Properties');
      if (type === 'Api' && !childOf(props, 'RestApiId') && !found.has('ServerlessRestApi') && !declared.has('ServerlessRestApi')) {
        found.set('ServerlessRestApi', syntheticApi(root, 'ServerlessRestApi', 'AWS::Serverless::Api', 'Prod', event.keySpan));
      }
      if (type === 'HttpApi' && !childOf(props, 'ApiId') && !found.has('ServerlessHttpApi') && !declared.has('ServerlessHttpApi')) {
        found.set('ServerlessHttpApi', syntheticApi(root, 'ServerlessHttpApi', 'AWS::Serverless::HttpApi', undefined, event.keySpan));
      }
    }
  }
  return [...found.values()];
}

export function collectResources(root: MapNode): CollectedResources {
  const problems: TemplateProblem[] = [];
  const resources: TemplateResource[] = [];
  const conditions = new Map<string, string>();
  const section = root.byKey.get('Resources');
  if (!section) {
    problems.push({ message: 'not a CloudFormation template: it has no Resources section', span: root.entries[0]?.keySpan ?? root.span, severity: 'error' });
    return { resources, conditions, problems };
  }
  if (section.value.kind !== 'map') {
    problems.push({ message: 'Resources must be a mapping of logical ids to resources', span: section.keySpan, severity: 'error' });
    return { resources, conditions, problems };
  }
  for (const entry of section.value.entries) {
    // Fn::ForEach (AWS::LanguageExtensions) expands at deploy time; its resources are not read.
    if (entry.key.startsWith('Fn::ForEach::')) continue;
    const node: TemplateNode = entry.value;
    const type = scalarText(childOf(node, 'Type'));
    if (node.kind !== 'map' || type === undefined) {
      problems.push({ message: `resource ${entry.key} has no Type`, span: entry.keySpan, severity: 'error' });
      continue;
    }
    const properties = childOf(node, 'Properties');
    resources.push({ logicalId: entry.key, type, keySpan: entry.keySpan, node, properties: mergeGlobals(globalsFor(root, type), properties) });
    const condition = scalarText(childOf(node, 'Condition'));
    if (condition) conditions.set(entry.key, condition);
  }
  const declared = new Set(resources.map((r) => r.logicalId));
  resources.push(...implicitApis(root, resources, declared));
  return { resources, conditions, problems };
}
