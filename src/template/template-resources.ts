// The Resources section as a list of typed resources (SAM Globals merged in), plus the APIs SAM
// creates implicitly for Api / HttpApi events that name none: ServerlessRestApi (stage "Prod")
// and ServerlessHttpApi (stage "$default"), which Globals apply to as well.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html
// Structural mistakes CloudFormation rejects outright (no Resources, a resource without Type) are
// reported as problems at the offending key.
import type { TemplateProblem } from './parse-template';
import { expandForEach, fragmentEntries, isForEachKey, type CollectionResolver, type UnexpandedLoop } from './for-each';
import { globalsFor, mergeGlobals } from './globals';
import type { Span } from './source-text';
import type { TemplateResource } from './template-context';
import { childOf, mapNode, scalarText, type MapNode, type TemplateNode } from './template-node';

export interface CollectedResources {
  readonly resources: TemplateResource[];
  /** Resource-level `Condition`, by logical id. */
  readonly conditions: ReadonlyMap<string, string>;
  readonly problems: TemplateProblem[];
  /** Fn::ForEach blocks whose collection the template does not give: their resources are unknown. */
  readonly unexpanded: UnexpandedLoop[];
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

/** Without parameters, only literal collections are known. */
const literalCollection: CollectionResolver = (node) => (node.kind === 'seq' && node.items.every((i) => scalarText(i) !== undefined) ? node.items.map((i) => scalarText(i) ?? '') : undefined);

export function collectResources(root: MapNode, resolveCollection: CollectionResolver = literalCollection): CollectedResources {
  const problems: TemplateProblem[] = [];
  const unexpanded: UnexpandedLoop[] = [];
  const resources: TemplateResource[] = [];
  const conditions = new Map<string, string>();
  const section = root.byKey.get('Resources');
  if (!section) {
    problems.push({ message: 'not a CloudFormation template: it has no Resources section', span: root.entries[0]?.keySpan ?? root.span, severity: 'error' });
    return { resources, conditions, problems, unexpanded };
  }
  const entries = fragmentEntries(section.value);
  if (entries === undefined) {
    problems.push({ message: 'Resources must be a mapping of logical ids to resources', span: section.keySpan, severity: 'error' });
    return { resources, conditions, problems, unexpanded };
  }
  const add = (logicalId: string, keySpan: Span, node: TemplateNode, fromLoop = false): void => {
    const type = scalarText(childOf(node, 'Type'));
    if (node.kind !== 'map' || type === undefined) {
      problems.push({ message: `resource ${logicalId} has no Type`, span: keySpan, severity: 'error' });
      return;
    }
    // Duplicate keys the parser reports; a loop making an existing id is CloudFormation's error too.
    if (fromLoop && seen.has(logicalId)) {
      problems.push({ message: `resource ${logicalId} is declared twice (a Fn::ForEach makes the same logical id more than once)`, span: keySpan, severity: 'error' });
      return;
    }
    seen.add(logicalId);
    const properties = childOf(node, 'Properties');
    resources.push({ logicalId, type, keySpan, node, properties: mergeGlobals(globalsFor(root, type), properties) });
    const condition = scalarText(childOf(node, 'Condition'));
    if (condition) conditions.set(logicalId, condition);
  };
  const seen = new Set<string>();
  for (const entry of entries) {
    if (isForEachKey(entry.key)) {
      // Fn::ForEach (AWS::LanguageExtensions): its copies, when the collection is known.
      const expansion = expandForEach(entry.value, entry.keySpan, resolveCollection);
      for (const resource of expansion.resources) add(resource.logicalId, resource.keySpan, resource.node, true);
      unexpanded.push(...expansion.unexpanded);
      continue;
    }
    add(entry.key, entry.keySpan, entry.value);
  }
  const declared = new Set(resources.map((r) => r.logicalId));
  resources.push(...implicitApis(root, resources, declared));
  return { resources, conditions, problems, unexpanded };
}
