// The Conditions section, decided where the parameters allow. A condition that depends on a value
// the template does not give is undecided; the check then runs once per way it could go (up to
// three such conditions, eight "worlds"), so each branch is checked as deployed and a finding
// holds in at least one real deployment. Past that cap, the rest stay undecided (unknown).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
import { evaluateCondition, type Scope } from './evaluate';
import { childOf, type MapNode } from './template-node';

export type ConditionValues = ReadonlyMap<string, boolean | undefined>;

/** How many undecided conditions get both branches checked. */
const MAX_BRANCHED_CONDITIONS = 3;

/** Decides every condition; `assumed` fixes undecided ones (by name) for one world. */
export function decideConditions(root: MapNode, scope: Omit<Scope, 'condition'>, assumed: ReadonlyMap<string, boolean>): Map<string, boolean | undefined> {
  const section = childOf(root, 'Conditions');
  const values = new Map<string, boolean | undefined>();
  if (section?.kind !== 'map') return values;
  const inProgress = new Set<string>();
  const decide = (name: string): boolean | undefined => {
    if (values.has(name)) return values.get(name);
    const expression = section.byKey.get(name)?.value;
    // A cycle or an unknown name is left undecided; CloudFormation rejects both anyway.
    if (!expression || inProgress.has(name)) return assumed.get(name);
    inProgress.add(name);
    const value = evaluateCondition(expression, { ...scope, condition: decide }) ?? assumed.get(name);
    inProgress.delete(name);
    values.set(name, value);
    return value;
  };
  for (const entry of section.entries) decide(entry.key);
  return values;
}

/**
 * The condition values of each world to check: one world when everything is decided, else one
 * per combination of the first undecided conditions (in template order), decided in turn so that
 * conditions built from others stay consistent.
 */
export function conditionWorlds(root: MapNode, scope: Omit<Scope, 'condition'>): ConditionValues[] {
  const worlds: ConditionValues[] = [];
  const explore = (assumed: Map<string, boolean>): void => {
    const values = decideConditions(root, scope, assumed);
    const open = [...values].find(([name, value]) => value === undefined && !assumed.has(name))?.[0];
    if (open === undefined || assumed.size >= MAX_BRANCHED_CONDITIONS) {
      worlds.push(values);
      return;
    }
    explore(new Map([...assumed, [open, true]]));
    explore(new Map([...assumed, [open, false]]));
  };
  explore(new Map());
  return worlds;
}
