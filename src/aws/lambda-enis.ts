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
 * Gives each Lambda ENI without a Name tag the names of the functions it serves ("Lambda: a, b"),
 * so the tree and the diagram say whose interface it is. The model has no field for the tie itself.
 */
export function nameLambdaEnis(enis: readonly NetworkInterface[], functions: readonly LambdaFunction[]): NetworkInterface[] {
  return enis.map((eni) => {
    if (eni.name || eni.interfaceType !== 'lambda') return eni;
    const names = functionsOnLambdaEni(eni, functions).map((fn) => fn.name ?? fn.id).sort();
    return names.length > 0 ? { ...eni, name: `Lambda: ${names.join(', ')}` } : eni;
  });
}
