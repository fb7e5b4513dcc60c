// Template text → the model of what it deploys, once per "world" (way the undecided conditions
// go). Parameters bind as SAM CLI binds them; pseudo parameters come from the region and account
// the template deploys to, and stay symbolic when those are not given.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
import type { Snapshot } from '../model/snapshot';
import { conditionWorlds, type ConditionValues } from './conditions';
import { evaluate, type Scope } from './evaluate';
import { parseTemplateText, type TemplateProblem } from './parse-template';
import { bindParameters, parameterValue, type ParameterBinding } from './parameters';
import { readApis } from './read-apis';
import { readConnectors } from './read-connectors';
import { readDataStores } from './read-data-stores';
import { readDns } from './read-dns';
import { readDomains } from './read-domains';
import { readFunctions } from './read-functions';
import { readNetwork } from './read-network';
import { readRoles } from './read-roles';
import { readSecurity } from './read-security';
import { resourceAttribute, resourceRef } from './resource-refs';
import { LineIndex, type Span } from './source-text';
import { TemplateContext, type Environment, type TemplateResource } from './template-context';
import type { TemplateModel } from './template-model';
import { collectResources } from './template-resources';
import type { UnexpandedLoop } from './for-each';
import { unreadDefinitions } from './unread-definitions';
import { childOf, type MapNode } from './template-node';
import { knownText, symbolic, type Value } from './values';

export interface ReadSettings {
  /** The region the template deploys to; else the account snapshot's only region; else unknown. */
  readonly region?: string;
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  readonly samconfigOverrides?: Readonly<Record<string, string>>;
  readonly stackName?: string;
  readonly account?: Snapshot;
}

export interface World {
  readonly conditions: ConditionValues;
  readonly model: TemplateModel;
}

export interface TemplateReading {
  readonly lines: LineIndex;
  readonly root?: MapNode;
  readonly problems: readonly TemplateProblem[];
  /** Parts of the template that were not read (their resources unknown), with why, for the user. */
  readonly unread: readonly UnreadPart[];
  readonly parameters: ReadonlyMap<string, ParameterBinding>;
  readonly environment: Environment;
  readonly worlds: readonly World[];
}

export interface UnreadPart {
  readonly span: Span;
  readonly message: string;
}

/** Steps of expression evaluation one check may take: enough for any real template, bounded for hostile ones. */
const EVALUATION_BUDGET = 2_000_000;

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A list whose every item the template gives, as texts; undefined when any is unknown. */
function knownTexts(value: Value): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const texts = (value as Value[]).map(knownText);
  return texts.every((t): t is string => t !== undefined) ? texts : undefined;
}

function environmentFor(settings: ReadSettings): Environment {
  const account = settings.account;
  const onlyRegion = account?.regions.filter((r) => r !== 'global');
  const region = settings.region ?? (onlyRegion?.length === 1 ? onlyRegion[0] : undefined) ?? '<region>';
  const accountId = account?.accounts.length === 1 ? (account.accounts[0]?.id ?? '<account-id>') : '<account-id>';
  return { region, accountId, partition: partitionOf(region), ...(account ? { account } : {}), ...(settings.stackName ? { stackName: settings.stackName } : {}) };
}

function pseudoParameters(env: Environment, stackName: string | undefined): Record<string, Value> {
  const stack = stackName ?? '<stack-name>';
  return {
    'AWS::Region': env.region,
    'AWS::AccountId': env.accountId,
    'AWS::Partition': env.partition,
    'AWS::URLSuffix': env.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
    'AWS::StackName': stack,
    'AWS::StackId': symbolic('AWS::StackId'),
    'AWS::NotificationARNs': symbolic('AWS::NotificationARNs'),
  };
}

function readWorld(root: MapNode, resources: readonly TemplateResource[], resourceConditions: ReadonlyMap<string, string>, conditions: ConditionValues, base: Omit<Scope, 'condition' | 'resourceRef' | 'resourceAttribute'>, env: Environment): TemplateModel {
  // A resource whose Condition is false in this world is not created; an undecided one may be.
  const present = resources.filter((r) => conditions.get(resourceConditions.get(r.logicalId) ?? '') !== false);
  const ctx = new TemplateContext(root, new Map(present.map((r) => [r.logicalId, r])), conditions, env);
  ctx.scope = {
    ...base,
    budget: { steps: EVALUATION_BUDGET },
    condition: (name) => conditions.get(name),
    resourceRef: (logicalId) => resourceRef(ctx, logicalId),
    resourceAttribute: (logicalId, attribute) => resourceAttribute(ctx, logicalId, attribute),
  };
  readNetwork(ctx);
  readSecurity(ctx);
  readDataStores(ctx);
  readRoles(ctx);
  readFunctions(ctx);
  readApis(ctx);
  // After functions and APIs: connectors add to both.
  readConnectors(ctx);
  readDns(ctx);
  readDomains(ctx);
  return ctx.model;
}

export function readTemplate(text: string, settings: ReadSettings): TemplateReading {
  const lines = new LineIndex(text);
  const parsed = parseTemplateText(text);
  const environment = environmentFor(settings);
  const empty = { lines, problems: parsed.problems, unread: [], parameters: new Map<string, ParameterBinding>(), environment, worlds: [] };
  if (!parsed.root) return empty;
  const root = parsed.root;
  const parameters = bindParameters(root, settings.parameterOverrides, settings.samconfigOverrides);
  const mappings = childOf(root, 'Mappings');
  const base = {
    pseudo: pseudoParameters(environment, settings.stackName),
    mappings: mappings?.kind === 'map' ? mappings : undefined,
    parameter: (name: string) => {
      const binding = parameters.get(name);
      return binding ? parameterValue(binding) : undefined;
    },
    budget: { steps: EVALUATION_BUDGET },
  };
  const noResources = { resourceRef: () => undefined, resourceAttribute: () => undefined };
  // Fn::ForEach collections come before any resource exists: literals, parameters, mappings.
  const collected = collectResources(root, (collection) => knownTexts(evaluate(collection, { ...base, ...noResources, condition: () => undefined })));
  const problems = [...parsed.problems, ...collected.problems];
  const worlds = conditionWorlds(root, { ...base, ...noResources }).map((conditions) => ({
    conditions,
    model: readWorld(root, collected.resources, collected.conditions, conditions, base, environment),
  }));
  return { lines, root, problems, unread: [...unexpandedParts(lines.text, collected.unexpanded, parameters), ...unreadDefinitions(collected.resources)], parameters, environment, worlds };
}

/** A loop left unexpanded, said where it is: whatever it makes is missing from every check. */
function unexpandedParts(text: string, loops: readonly UnexpandedLoop[], parameters: ReadonlyMap<string, ParameterBinding>): UnreadPart[] {
  return loops.map(({ keySpan, collectionRef }) => {
    const key = text.slice(keySpan.start, keySpan.end).replace(/^["']|["']$/g, '');
    const why =
      collectionRef === undefined
        ? 'its value is not known here'
        : parameters.has(collectionRef)
          ? `parameter ${collectionRef} has no value`
          : `${collectionRef} is not a value the template gives`;
    return { span: keySpan, message: `${key} loops over a collection whose value is not known (${why}), so the resources it makes are not checked` };
  });
}
