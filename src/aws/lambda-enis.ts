// Which functions use a Lambda ENI. Lambda shares one Hyperplane ENI among every function with the
// same subnet and security-group set (lambda/latest/dg/foundation-networking.html), so the
// description's function name is only the first user: the tie is subnet + sorted SG set.
import type { LambdaFunction, NetworkInterface } from '../model/snapshot';

function groupSetKey(ids: readonly string[]): string {
  return [...new Set(ids)].sort().join(',');
}

/** The functions (same account and region) whose VpcConfig puts them on this ENI. */
export function functionsOnLambdaEni(eni: NetworkInterface, functions: readonly LambdaFunction[]): LambdaFunction[] {
  if (eni.interfaceType !== 'lambda') return [];
  const groups = groupSetKey(eni.securityGroupIds);
  return functions.filter(
    (fn) =>
      fn.accountId === eni.accountId &&
      fn.region === eni.region &&
      fn.vpcConfig !== undefined &&
      fn.vpcConfig.subnetIds.includes(eni.subnetId) &&
      groupSetKey(fn.vpcConfig.securityGroupIds) === groups,
  );
}

/**
 * Ties each Lambda ENI to the functions it serves: `functionIds` for the tree, the diagram and the
 * rules, and — when the ENI has no Name tag — the name "Lambda: a, b" so people see whose it is.
 */
export function tieLambdaEnis(enis: readonly NetworkInterface[], functions: readonly LambdaFunction[]): NetworkInterface[] {
  return enis.map((eni) => {
    if (eni.interfaceType !== 'lambda') return eni;
    const users = functionsOnLambdaEni(eni, functions);
    if (users.length === 0) return eni;
    const functionIds = users.map((fn) => fn.id).sort();
    const name = eni.name || `Lambda: ${users.map((fn) => fn.name ?? fn.id).sort().join(', ')}`;
    return { ...eni, name, functionIds };
  });
}
