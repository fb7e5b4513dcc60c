// Pieces every resource reader uses: the fields each model resource carries (account, region,
// logical id, tags and Name), and where it sits in the text.
import type { Span } from './source-text';
import type { Anchors } from './template-model';
import type { Located, TemplateContext, TemplateResource } from './template-context';
import type { TemplateNode } from './template-node';
import { isValueMap, valueText, type Value } from './values';

export interface Stamp {
  accountId: string;
  region: string;
  logicalId: string;
  name?: string;
  tags?: Record<string, string>;
}

/** Tags as a map, from CloudFormation's [{Key, Value}] list or SAM's {key: value} map. */
export function tagsOf(ctx: TemplateContext, properties: TemplateNode | undefined): Record<string, string> | undefined {
  const node = ctx.prop(properties, 'Tags')?.node;
  if (!node) return undefined;
  const value: Value = ctx.evaluate(node);
  const tags: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const item of value as Value[]) {
      if (!isValueMap(item)) continue;
      const key = valueText(item.Key);
      const text = valueText(item.Value);
      if (key !== undefined && text !== undefined) tags[key] = text;
    }
  } else if (isValueMap(value)) {
    for (const [key, item] of Object.entries(value)) {
      const text = valueText(item);
      if (text !== undefined) tags[key] = text;
    }
  }
  return Object.keys(tags).length > 0 ? tags : undefined;
}

/** Account, region, logical id, and Name/tags when the template sets them. */
export function stamp(ctx: TemplateContext, resource: TemplateResource, region = ctx.region): Stamp {
  const tags = tagsOf(ctx, resource.properties);
  return {
    accountId: ctx.accountId,
    region,
    logicalId: resource.logicalId,
    ...(tags?.Name !== undefined ? { name: tags.Name } : {}),
    ...(tags ? { tags } : {}),
  };
}

/** The origin of a resource: its logical id's key, plus named spots for findings to land on. */
export function originOf(resource: TemplateResource, spots: Record<string, Located | Span | undefined> = {}): { logicalId: string; anchors: Anchors } {
  const anchors: Anchors = new Map([['resource', resource.keySpan]]);
  for (const [name, spot] of Object.entries(spots)) {
    if (spot === undefined) continue;
    anchors.set(name, 'keySpan' in spot ? spot.keySpan : spot);
  }
  return { logicalId: resource.logicalId, anchors };
}

export function property(ctx: TemplateContext, resource: TemplateResource, name: string): Located | undefined {
  return ctx.prop(resource.properties, name);
}

/** The `Properties` key of a resource, for resources with no better spot. */
export function propertiesKey(resource: TemplateResource): Span | undefined {
  return resource.node.byKey.get('Properties')?.keySpan;
}
