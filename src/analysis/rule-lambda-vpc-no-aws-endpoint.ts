// lambda-vpc-no-aws-endpoint: a VPC function needs an AWS API but, from some of its subnets,
// neither a usable VPC endpoint nor a working NAT path leads there. Once attached to a VPC,
// all its traffic follows the VPC's routes and its ENIs never get public IPs.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-endpoints.html
import type { Finding, FindingFix } from '../model/finding';
import { endpointServiceName, GATEWAY_ENDPOINT_SERVICES, serviceDisplayName } from './aws-services';
import { hop, mergeHops } from './hops';
import { awsServiceReach, brokenVerdicts, natFix, onePerZone, summarizeReach, type SuggestedFix } from './lambda-reach';
import {
  awsApiNeedsByService,
  describeAwsApiNeeds,
  functionHop,
  functionLabel,
  functionResource,
  hasVpcTargetNeed,
  vpcFunctions,
  type ServiceNeeds,
  type VpcAttachedFunction,
} from './lambda-vpc';
import { routeTableOf } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

function endpointFix(index: SnapshotIndex, fn: VpcAttachedFunction, service: string, brokenSubnetIds: readonly string[]): SuggestedFix {
  const serviceName = endpointServiceName(fn.region, service);
  const vpcId = index.subnets.get(brokenSubnetIds[0] ?? '')?.vpcId ?? 'the VPC';
  if (GATEWAY_ENDPOINT_SERVICES.has(service)) {
    const tables = [
      ...new Set(
        brokenSubnetIds.flatMap((id) => {
          const subnet = index.subnets.get(id);
          const routeTable = subnet && routeTableOf(index, subnet);
          return routeTable ? [routeTable.id] : [];
        }),
      ),
    ];
    return {
      text: `add a gateway endpoint ${serviceName} to ${vpcId}, associated with route ${tables.length === 1 ? 'table' : 'tables'} ${listWords(tables)}`,
      fix: { kind: 'add-gateway-endpoint', vpcId, service, serviceName, routeTableIds: tables },
    };
  }
  // Private DNS needs the VPC's DNS support and hostnames: without them the new endpoint would not take the calls either.
  const vpc = index.vpcs.get(vpcId);
  const dnsOff = vpc !== undefined && (vpc.enableDnsSupport === false || vpc.enableDnsHostnames === false);
  return {
    text: `add an interface endpoint ${serviceName} with private DNS on to ${vpcId} (its security group must allow TCP 443 from the function)${dnsOff ? `, and turn on enableDnsSupport and enableDnsHostnames for ${vpcId}, which private DNS needs` : ''}`,
    fix: {
      kind: 'add-interface-endpoint',
      vpcId,
      service,
      serviceName,
      subnetIds: onePerZone(index, fn.vpcConfig.subnetIds),
      sourceSecurityGroupIds: [...fn.vpcConfig.securityGroupIds],
    },
  };
}

/** A role shared by several functions allows what any of them calls: the need is a guess. */
function onlySharedRole(needs: ServiceNeeds): boolean {
  return needs.needs.every((n) => n.origin === 'shared-role');
}

function findingsFor(index: SnapshotIndex, fn: VpcAttachedFunction): Finding[] {
  const findings: Finding[] = [];
  for (const group of awsApiNeedsByService(index, fn)) {
    const { service, region, needs } = group;
    const result = awsServiceReach(index, fn, service, region);
    const broken = brokenVerdicts(result);
    if (broken.length === 0) continue;
    const summary = summarizeReach(index, result);
    const name = functionLabel(fn);
    const api = `the ${serviceDisplayName(service)} API${region === fn.region ? '' : ` in ${region}`}`;
    const guess = onlySharedRole(group);
    const consequence = guess
      ? `; if it calls ${api}, those calls hang until the function times out${summary.intermittent ? ` (those from ${summary.working} get through)` : ''}`
      : summary.intermittent
        ? `, so it reaches ${api} only intermittently: invocations that land there hang until the function times out, while those in ${summary.working} get through`
        : `, so its calls to ${api} cannot leave the VPC and hang until the function times out`;
    const endpointNotes = result.unusableEndpoints.map((u) => ` Endpoint ${u.endpoint.id} (${u.endpoint.serviceName}) exists but ${u.problem}.`).join('');
    const nat = natFix(index, fn, result, summary);
    // Endpoints serve only their own region: for calls to another region only the NAT path helps.
    const endpointFixes: SuggestedFix[] =
      region !== fn.region
        ? []
        : result.unusableEndpoints.length > 0
          ? result.unusableEndpoints.map((u) => ({ text: u.fix, ...(u.machineFix ? { fix: u.machineFix } : {}) }))
          : [endpointFix(index, fn, service, summary.brokenSubnetIds)];
    const fixes: SuggestedFix[] = [nat, ...endpointFixes, ...(hasVpcTargetNeed(fn) ? [] : [{ text: 'take the function out of the VPC if it needs nothing inside it' }])];
    const needText = guess ? `: its execution role (shared with other functions) allows ${describeAwsApiNeeds(needs)}` : ` needs ${describeAwsApiNeeds(needs)}`;
    const message =
      `${name}${needText}, but ${summary.causes}${consequence}${summary.unchecked}.` +
      `${endpointNotes} Fix: ${fixes.map((f) => f.text).join('; or ')}.`;
    const serviceHop = hop('aws-service', endpointServiceName(region, service), false, `unreachable from ${listWords(summary.brokenSubnetIds)}`);
    const endpointHops = result.unusableEndpoints.map((u) => hop('vpc-endpoint', u.endpoint.id, false, u.problem));
    // The quick fix is the most self-contained change: moving subnets or using a working NAT
    // beats an endpoint, and an endpoint beats "create a NAT gateway".
    const natIsComplete = nat.fix?.kind === 'move-to-subnets' || (nat.fix?.kind === 'add-nat-route' && nat.fix.natGatewayId !== undefined);
    const fix: FindingFix | undefined = natIsComplete ? nat.fix : (endpointFixes.find((f) => f.fix !== undefined)?.fix ?? nat.fix);
    findings.push({
      code: 'lambda-vpc-no-aws-endpoint',
      severity: guess ? 'warning' : 'error',
      message,
      resource: functionResource(fn),
      hops: mergeHops([[functionHop(fn)], ...broken.map((v) => v.hops), endpointHops, [serviceHop]]),
      ...(fix ? { fix } : {}),
    });
  }
  return findings;
}

export function lambdaVpcNoAwsEndpoint(index: SnapshotIndex): Finding[] {
  return vpcFunctions(index).flatMap((fn) => findingsFor(index, fn));
}
