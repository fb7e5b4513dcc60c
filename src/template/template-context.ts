// What every resource reader shares for one check of one template in one world (one way the
// undecided conditions go): the scope for evaluating expressions, the resources by logical id,
// the account to resolve literal ids against, and the model being built with each resource's
// origin in the text.
import type { Snapshot } from '../model/snapshot';
import type { ConditionValues } from './conditions';
import { evaluate, type Scope } from './evaluate';
import { TemplateModel } from './template-model';
import type { Span } from './source-text';
import { scalarText, type MapNode, type TemplateNode } from './template-node';
import { knownText, NO_VALUE, textList, valueText, type Value } from './values';

export interface TemplateResource {
  readonly logicalId: string;
  readonly type: string;
  readonly keySpan: Span;
  readonly node: MapNode;
  /** Properties, with SAM Globals merged in for SAM resource types. */
  readonly properties: TemplateNode | undefined;
}

export interface Located {
  readonly node: TemplateNode;
  /** The key's range (e.g. `SubnetIds`), where a finding about this property goes. */
  readonly keySpan: Span;
}

export interface Environment {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly account?: Snapshot;
  /** The stack the template deploys as: its deployed resources in the account are matched by logical id. */
  readonly stackName?: string;
}

export class TemplateContext {
  readonly model = new TemplateModel();
  scope!: Scope;

  constructor(
    readonly root: MapNode,
    readonly resources: ReadonlyMap<string, TemplateResource>,
    readonly conditions: ConditionValues,
    readonly env: Environment,
  ) {}

  get region(): string {
    return this.env.region;
  }

  get accountId(): string {
    return this.env.accountId;
  }

  evaluate(node: TemplateNode | undefined): Value {
    return evaluate(node, this.scope);
  }

  text(node: TemplateNode | undefined): string | undefined {
    const value = this.evaluate(node);
    return value === NO_VALUE ? undefined : valueText(value);
  }

  knownText(node: TemplateNode | undefined): string | undefined {
    return knownText(this.evaluate(node));
  }

  list(node: TemplateNode | undefined): string[] {
    return node === undefined ? [] : textList(this.evaluate(node));
  }

  /**
   * The node a structure really has here: Fn::If is followed into the branch its condition
   * picks, and `Ref AWS::NoValue` (or an undecided If) is treated as absent / left as is.
   */
  shape(node: TemplateNode | undefined): TemplateNode | undefined {
    let current = node;
    for (let hops = 0; current?.kind === 'fn' && hops < 16; hops++) {
      if (current.name === 'Ref' && scalarText(current.arg) === 'AWS::NoValue') return undefined;
      if (current.name !== 'Fn::If' || current.arg.kind !== 'seq') return current;
      const decided = this.scope.condition(scalarText(current.arg.items[0]) ?? '');
      if (decided === undefined) return current;
      current = current.arg.items[decided ? 1 : 2];
    }
    return current;
  }

  /** A property of a map-shaped node, with its key's range; undefined when absent. */
  prop(node: TemplateNode | undefined, key: string): Located | undefined {
    const map = this.shape(node);
    if (map?.kind !== 'map') return undefined;
    const entry = map.byKey.get(key);
    if (!entry) return undefined;
    const value = this.shape(entry.value);
    return value === undefined ? undefined : { node: value, keySpan: entry.keySpan };
  }

  /** The items of a list-shaped node (each item's If followed), or undefined when it is not a literal list. */
  items(node: TemplateNode | undefined): TemplateNode[] | undefined {
    const list = this.shape(node);
    if (list?.kind !== 'seq') return undefined;
    // Loops, not map/filter/flatMap: these run for every property of every resource on every edit.
    const items: TemplateNode[] = [];
    for (const item of list.items) {
      const shaped = this.shape(item);
      if (shaped !== undefined) items.push(shaped);
    }
    return items;
  }

  /** Entries of a map-shaped node, each value's If followed. */
  entries(node: TemplateNode | undefined): { key: string; keySpan: Span; node: TemplateNode }[] {
    const map = this.shape(node);
    if (map?.kind !== 'map') return [];
    const entries: { key: string; keySpan: Span; node: TemplateNode }[] = [];
    for (const entry of map.entries) {
      const value = this.shape(entry.value);
      if (value !== undefined) entries.push({ key: entry.key, keySpan: entry.keySpan, node: value });
    }
    return entries;
  }

  private byType?: Map<string, TemplateResource[]>;

  ofType(...types: string[]): TemplateResource[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const resource of this.resources.values()) {
        const list = this.byType.get(resource.type);
        if (list) list.push(resource);
        else this.byType.set(resource.type, [resource]);
      }
    }
    return types.flatMap((type) => this.byType?.get(type) ?? []);
  }

  /** The logical id a Ref/GetAtt node points at, when it is one (for relations the value cannot carry). */
  referencedLogicalId(node: TemplateNode | undefined): string | undefined {
    const shaped = this.shape(node);
    if (shaped?.kind !== 'fn') return undefined;
    if (shaped.name === 'Ref') {
      const name = scalarText(shaped.arg);
      return name && this.resources.has(name) ? name : undefined;
    }
    if (shaped.name === 'Fn::GetAtt') {
      const first = shaped.arg.kind === 'seq' ? scalarText(shaped.arg.items[0]) : scalarText(shaped.arg)?.split('.')[0];
      return first && this.resources.has(first) ? first : undefined;
    }
    return undefined;
  }
}
