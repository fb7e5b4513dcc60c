// APIs whose OpenAPI definition lives outside the template (DefinitionUri, BodyS3Location, or an
// AWS::Include in DefinitionBody/Body): the reader cannot see their routes (see read-openapi.ts),
// so no check covers their integrations. Said to the user where the definition is named.
import type { Span } from './source-text';
import type { TemplateResource } from './template-context';
import { DEFINITION } from './read-openapi';
import { childOf, entryOf, scalarText, type TemplateNode } from './template-node';

export interface UnreadDefinition {
  readonly span: Span;
  readonly message: string;
}

/** `s3://bucket/key` from a literal `{Bucket, Key}` or an `s3://` text; undefined otherwise. */
function s3Location(node: TemplateNode | undefined): string | undefined {
  const text = scalarText(node);
  if (text !== undefined) return text;
  const bucket = scalarText(childOf(node, 'Bucket'));
  const key = scalarText(childOf(node, 'Key'));
  return bucket !== undefined && key !== undefined ? `s3://${bucket}/${key}` : undefined;
}

/** Where a non-literal inline definition comes from, in words. */
function inlineSource(node: TemplateNode): string {
  if (node.kind === 'fn' && node.name === 'Fn::Transform' && scalarText(childOf(node.arg, 'Name')) === 'AWS::Include') {
    const location = scalarText(childOf(childOf(node.arg, 'Parameters'), 'Location'));
    return location !== undefined ? `an AWS::Include of ${location}` : 'an AWS::Include';
  }
  return 'a value that is not a literal definition';
}

export function unreadDefinitions(resources: readonly TemplateResource[]): UnreadDefinition[] {
  const found: UnreadDefinition[] = [];
  for (const resource of resources) {
    const where = DEFINITION[resource.type];
    if (!where) continue;
    const inline = entryOf(resource.properties, where.inline);
    const elsewhere = entryOf(resource.properties, where.elsewhere);
    let source: string | undefined;
    let span: Span | undefined;
    if (inline && inline.value.kind !== 'map') [source, span] = [inlineSource(inline.value), inline.keySpan];
    else if (!inline && elsewhere) [source, span] = [s3Location(elsewhere.value) ?? `its ${where.elsewhere}`, elsewhere.keySpan];
    if (source === undefined || span === undefined) continue;
    found.push({
      span,
      message: `${resource.logicalId}'s routes come from ${source}, which is not read, so its integrations' timeouts and invoke permissions are not checked`,
    });
  }
  return found;
}
