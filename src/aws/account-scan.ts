// One account's scan: every collector for every region at once, each under its service's limits,
// then the reads that depend on others — IAM for the roles of VPC-attached functions, Lambda
// resource policies for functions an integration targets, ACM in regions a domain's certificate
// lives in. A collector that fails becomes a named gap; only cancellation stops the whole scan.
import type { Certificate, IamRole, LambdaFunction, Resources } from '../model/snapshot';
import { collectAcm } from './acm';
import { collectApiGateway, type ApiGatewayResources } from './apigateway';
import { collectApiGatewayV2 } from './apigatewayv2';
import { mergeCustomDomains } from './custom-domains';
import { collectEc2, type Ec2Resources } from './ec2';
import { describeAwsError } from './errors';
import { collectIam } from './iam';
import { collectInvokePrincipals, collectLambda } from './lambda';
import { collectRoute53, type Route53Resources } from './route53';
import { GLOBAL, type ScanContext } from './scan-context';
import type { ScanService } from './service-limits';

export interface ScanProgressEvent {
  service: ScanService;
  /** An AWS region, or "global" for Route 53 and IAM. */
  region: string;
  state: 'started' | 'done' | 'failed';
  /** Why it failed, for a person; set when state is "failed". */
  error?: string;
  accountId: string;
}

export type AccountResources = Partial<Resources>;

type Step = <T>(service: ScanService, region: string, collect: () => Promise<T>) => Promise<T | undefined>;

function stepRunner(ctx: ScanContext, onProgress: (event: ScanProgressEvent) => void): Step {
  return async (service, region, collect) => {
    const accountId = ctx.accountId;
    if (ctx.signal.aborted) throw ctx.signal.reason;
    onProgress({ service, region, state: 'started', accountId });
    try {
      const result = await collect();
      onProgress({ service, region, state: 'done', accountId });
      return result;
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      ctx.gap(service, region, error);
      onProgress({ service, region, state: 'failed', error: describeAwsError(error), accountId });
      return undefined;
    }
  };
}

/** arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>] → without the qualifier. */
function unqualified(functionArn: string): string {
  return functionArn.split(':').slice(0, 7).join(':');
}

function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

async function withInvokePrincipals(
  ctx: ScanContext,
  step: Step,
  functions: LambdaFunction[],
  api: ApiGatewayResources,
): Promise<LambdaFunction[]> {
  const known = new Set(functions.map((f) => f.arn));
  // Only functions an integration targets, and only those this scan saw (GetPolicy on anything else would 404).
  const targets = [...new Set(api.apis.flatMap((a) => a.integrations.map((i) => i.functionArn ?? '')))].filter(
    (arn) => arn && !arn.includes('${') && known.has(unqualified(arn)),
  );
  const byRegion = new Map<string, string[]>();
  for (const arn of targets) {
    const region = regionOfArn(arn) ?? '';
    byRegion.set(region, [...(byRegion.get(region) ?? []), arn]);
  }
  const read = await Promise.all([...byRegion].map(([region, arns]) => step('lambda-policies', region, () => collectInvokePrincipals(ctx, region, arns))));
  const principals = new Map<string, string[]>();
  for (const map of read) {
    // The unqualified ARN's policy wins; an alias's policy stands in when only the alias is targeted.
    for (const [arn, list] of map ?? []) if (arn === unqualified(arn) || !principals.has(unqualified(arn))) principals.set(unqualified(arn), list);
  }
  return functions.map((fn) => (principals.has(fn.arn) ? { ...fn, invokePrincipals: principals.get(fn.arn) } : fn));
}

export async function scanOneAccount(ctx: ScanContext, regions: readonly string[], onProgress: (event: ScanProgressEvent) => void): Promise<AccountResources> {
  const step = stepRunner(ctx, onProgress);
  const acmRegions = [...new Set([...regions, ctx.homeRegion])];

  const ec2 = regions.map((r) => step('ec2', r, () => collectEc2(ctx, r)));
  const lambda = regions.map((r) => step('lambda', r, () => collectLambda(ctx, r)));
  const v1 = regions.map((r) => step('apigateway', r, () => collectApiGateway(ctx, r)));
  const v2 = regions.map((r) => step('apigatewayv2', r, () => collectApiGatewayV2(ctx, r)));
  const acm = acmRegions.map((r) => step('acm', r, () => collectAcm(ctx, r)));
  const route53 = step('route53', GLOBAL, () => collectRoute53(ctx));

  const functionsRead = Promise.all(lambda).then((parts) => parts.flatMap((p) => p ?? []));
  const apiRead = Promise.all([...v1, ...v2]).then((parts) => mergeCustomDomains(...parts));

  const iam = functionsRead.then(async (functions): Promise<IamRole[]> => {
    const roles = new Set(functions.filter((f) => f.vpcConfig && f.roleArn).map((f) => f.roleArn ?? ''));
    return roles.size === 0 ? [] : ((await step('iam', GLOBAL, () => collectIam(ctx, roles))) ?? []);
  });
  const functions = Promise.all([functionsRead, apiRead]).then(([fns, api]) => withInvokePrincipals(ctx, step, fns, api));
  const moreCertificates = apiRead.then(async (api): Promise<Certificate[]> => {
    const referenced = api.domainNames.map((d) => regionOfArn(d.certificateArn ?? '')).filter((r): r is string => r !== undefined);
    const extra = [...new Set(referenced)].filter((r) => !acmRegions.includes(r));
    const parts = await Promise.all(extra.map((r) => step('acm', r, () => collectAcm(ctx, r))));
    return parts.flatMap((p) => p ?? []);
  });

  const [ec2Parts, api, route53Part, certificates, extraCertificates, lambdaFunctions, iamRoles] = await Promise.all([
    Promise.all(ec2),
    apiRead,
    route53,
    Promise.all(acm).then((parts) => parts.flatMap((p) => p ?? [])),
    moreCertificates,
    functions,
    iam,
  ]);
  const dns: Route53Resources = route53Part ?? { hostedZones: [], recordSets: [] };
  const network = ec2Parts.filter((p): p is Ec2Resources => p !== undefined);
  return {
    vpcs: network.flatMap((p) => p.vpcs),
    subnets: network.flatMap((p) => p.subnets),
    routeTables: network.flatMap((p) => p.routeTables),
    internetGateways: network.flatMap((p) => p.internetGateways),
    egressOnlyInternetGateways: network.flatMap((p) => p.egressOnlyInternetGateways),
    natGateways: network.flatMap((p) => p.natGateways),
    vpcEndpoints: network.flatMap((p) => p.vpcEndpoints),
    securityGroups: network.flatMap((p) => p.securityGroups),
    networkAcls: network.flatMap((p) => p.networkAcls),
    networkInterfaces: network.flatMap((p) => p.networkInterfaces),
    prefixLists: network.flatMap((p) => p.prefixLists),
    vpcPeeringConnections: network.flatMap((p) => p.vpcPeeringConnections),
    transitGatewayAttachments: network.flatMap((p) => p.transitGatewayAttachments),
    lambdaFunctions,
    iamRoles,
    apis: api.apis,
    domainNames: api.domainNames,
    apiMappings: api.apiMappings,
    certificates: [...certificates, ...extraCertificates],
    hostedZones: dns.hostedZones,
    recordSets: dns.recordSets,
  };
}
