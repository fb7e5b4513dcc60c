// The template's resources merged with the account it deploys into, as one snapshot for the
// analysis. Literal and parameter-bound ids (subnet-…, sg-…, certificate ARNs, zone ids) need
// nothing special: they are the account's own ids, so the account's resources answer for them.
// A template resource with the same id as an account resource of the same kind (a function name,
// a custom domain, a record name and type) is what that resource becomes on deploy, so it
// replaces the account's; an account resource the template adds to (a route in an existing
// table) was copied into the template model and replaces its original the same way.
import type { ResourceKind, Resources, Snapshot } from '../model/snapshot';
import { isSymbolic } from './values';
import { RESOURCE_KINDS, type TemplateModel } from './template-model';
import type { Environment } from './template-context';

function mergeKind<K extends ResourceKind>(kind: K, model: TemplateModel, account: Snapshot | undefined): Resources[K] {
  const own = model.resources[kind] as Resources[K];
  if (!account) return [...own] as Resources[K];
  const ownIds = new Set(own.map((r) => r.id));
  const kept = (account.resources[kind] as Resources[K]).filter((r) => !ownIds.has(r.id));
  return [...kept, ...own] as Resources[K];
}

/**
 * The snapshot version this build writes. Not imported from model/snapshot.ts, whose zod schemas
 * would then load with every template check; the type holds it to the schema's literal.
 */
const SNAPSHOT_VERSION: Snapshot['version'] = 1;

export function snapshotOf(model: TemplateModel, env: Environment, fileName: string, createdAt: string): Snapshot {
  const account = env.account;
  const lists: Partial<Record<ResourceKind, unknown[]>> = {};
  for (const kind of RESOURCE_KINDS) lists[kind] = mergeKind(kind, model, account);
  const resources = lists as Resources;
  const regions = new Set(account?.regions ?? []);
  if (!isSymbolic(env.region)) regions.add(env.region);
  const accounts = account?.accounts ?? (isSymbolic(env.accountId) ? [] : [{ id: env.accountId }]);
  // Whatever else the account snapshot carries (live DNS observations, …) stays with it.
  const { resources: _accountResources, ...accountRest } = account ?? { resources: undefined };
  return {
    ...accountRest,
    version: SNAPSHOT_VERSION,
    createdAt: account?.createdAt ?? createdAt,
    source: account ? { ...account.source, kind: 'merged', template: fileName } : { kind: 'template', template: fileName },
    accounts,
    regions: [...regions].sort(),
    resources,
    gaps: account?.gaps ?? [],
  };
}
