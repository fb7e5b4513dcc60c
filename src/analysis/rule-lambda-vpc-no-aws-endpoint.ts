// lambda-vpc-no-aws-endpoint: a VPC function needs an AWS API but, from some of its subnets,
// neither a usable VPC endpoint nor a working NAT path leads there. Once attached to a VPC,
// all its traffic follows the VPC's routes and its ENIs never get public IPs.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-endpoints.html
import type { Finding } from '../model/finding';
import { endpointServiceName, GATEWAY_ENDPOINT_SERVICES, serviceDisplayName } from './aws-services';
import { hop, mergeHops } from './hops';
import { awsServiceReach, brokenVerdicts, natFix, summarizeReach } from './lambda-reach';
import {
  awsApiNeedsByService,
  describeAwsApiNeeds,
  functionHop,
  functionLabel,
  functionResource,
  hasVpcTargetNeed,
  isVpcAttached,
  type VpcAttachedFunction,
} from './lambda-vpc';
import { routeTableOf } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

function endpointFix(index: SnapshotIndex, fn: VpcAttachedFunction, service: string, brokenSubnetIds: readonly string[]): string {
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
    return `add a gateway endpoint ${serviceName} to ${vpcId}, associated with route ${tables.length === 1 ? 'table' : 'tables'} ${listWords(tables)}`;
  }
  return `add an interface endpoint ${serviceName} with private DNS on to ${vpcId} (its security group must allow TCP 443 from the function)`;
}

function findingsFor(index: SnapshotIndex, fn: VpcAttachedFunction): Finding[] {
  const findings: Finding[] = [];
  for (const [service, needs] of awsApiNeedsByService(fn)) {
    const result = awsServiceReach(index, fn, service);
    const broken = brokenVerdicts(result);
    if (broken.length === 0) continue;
    const summary = summarizeReach(index, result);
    const name = functionLabel(fn);
    const api = `the ${serviceDisplayName(service)} API`;
    const consequence = summary.intermittent
      ? `, so it reaches ${api} only intermittently: invocations that land there hang until the function times out, while those in ${summary.working} get through`
      : `, so its calls to ${api} cannot leave the VPC and hang until the function times out`;
    const endpointNotes = result.unusableEndpoints.map((u) => ` Endpoint ${u.endpoint.id} (${u.endpoint.serviceName}) exists but ${u.problem}.`).join('');
    const fixes = [
      natFix(index, fn, result, summary),
      ...(result.unusableEndpoints.length > 0 ? result.unusableEndpoints.map((u) => u.fix) : [endpointFix(index, fn, service, summary.brokenSubnetIds)]),
      ...(hasVpcTargetNeed(fn) ? [] : ['take the function out of the VPC if it needs nothing inside it']),
    ];
    const message =
      `${name} needs ${describeAwsApiNeeds(needs)}, but ${summary.causes}${consequence}${summary.unchecked}.` +
      `${endpointNotes} Fix: ${fixes.join('; or ')}.`;
    const serviceHop = hop('aws-service', endpointServiceName(fn.region, service), false, `unreachable from ${listWords(summary.brokenSubnetIds)}`);
    const endpointHops = result.unusableEndpoints.map((u) => hop('vpc-endpoint', u.endpoint.id, false, u.problem));
    findings.push({
      code: 'lambda-vpc-no-aws-endpoint',
      severity: 'error',
      message,
      resource: functionResource(fn),
      hops: mergeHops([[functionHop(fn)], ...broken.map((v) => v.hops), endpointHops, [serviceHop]]),
    });
  }
  return findings;
}

export function lambdaVpcNoAwsEndpoint(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.lambdaFunctions.filter(isVpcAttached).flatMap((fn) => findingsFor(index, fn));
}
