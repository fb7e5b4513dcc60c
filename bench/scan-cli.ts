// The same inventory the scanner makes, as a person would script it with the aws CLI: one command
// after another, each reading what the previous ones listed (VPC ids for their DNS attributes, API
// ids for stages and integrations, domains for their mappings, zones for their records).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliInventory {
  /** aws CLI processes run; against moto (which never pages) each makes one API call. */
  invocations: number;
  wallMs: number;
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function inventoryWithCli(endpoint: string, region: string, onCommand?: (count: number) => void): Promise<CliInventory> {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_DEFAULT_REGION: region, AWS_PAGER: '', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  let invocations = 0;
  const aws = async (...args: string[]): Promise<Json> => {
    invocations += 1;
    onCommand?.(invocations);
    const { stdout } = await run('aws', [...args, '--endpoint-url', endpoint, '--output', 'json'], { env, maxBuffer: 512 * 1024 * 1024 });
    return stdout.trim() ? (JSON.parse(stdout) as Json) : {};
  };
  const started = performance.now();

  await aws('sts', 'get-caller-identity');
  const vpcs = list((await aws('ec2', 'describe-vpcs')).Vpcs);
  for (const command of ['describe-subnets', 'describe-route-tables', 'describe-internet-gateways', 'describe-egress-only-internet-gateways', 'describe-nat-gateways', 'describe-vpc-endpoints', 'describe-security-groups', 'describe-network-acls', 'describe-network-interfaces']) {
    await aws('ec2', command);
  }
  for (const vpc of vpcs) {
    for (const attribute of ['enableDnsSupport', 'enableDnsHostnames']) await aws('ec2', 'describe-vpc-attribute', '--vpc-id', str(vpc.VpcId), '--attribute', attribute);
  }

  const functions = list((await aws('lambda', 'list-functions')).Functions);
  if (functions.some((f) => (f.VpcConfig as Json | undefined)?.SubnetIds)) await aws('iam', 'get-account-authorization-details', '--filter', 'Role', 'LocalManagedPolicy');

  const targets = new Set<string>();
  const restApis = list((await aws('apigateway', 'get-rest-apis')).items);
  for (const api of restApis) {
    await aws('apigateway', 'get-stages', '--rest-api-id', str(api.id));
    const resources = list((await aws('apigateway', 'get-resources', '--rest-api-id', str(api.id), '--embed', 'methods')).items);
    for (const resource of resources) {
      for (const method of Object.values((resource.resourceMethods ?? {}) as Record<string, Json>)) {
        const arn = /functions\/(arn:[^/]+)\/invocations/.exec(str((method.methodIntegration as Json | undefined)?.uri))?.[1];
        if (arn) targets.add(arn);
      }
    }
  }
  for (const domain of list((await aws('apigateway', 'get-domain-names')).items)) await aws('apigateway', 'get-base-path-mappings', '--domain-name', str(domain.domainName));
  for (const api of list((await aws('apigatewayv2', 'get-apis')).Items)) {
    await aws('apigatewayv2', 'get-stages', '--api-id', str(api.ApiId));
    await aws('apigatewayv2', 'get-routes', '--api-id', str(api.ApiId));
    for (const integration of list((await aws('apigatewayv2', 'get-integrations', '--api-id', str(api.ApiId))).Items)) targets.add(str(integration.IntegrationUri));
  }
  for (const domain of list((await aws('apigatewayv2', 'get-domain-names')).Items)) await aws('apigatewayv2', 'get-api-mappings', '--domain-name', str(domain.DomainName));
  for (const arn of targets) await aws('lambda', 'get-policy', '--function-name', arn).catch(() => undefined);

  const keyTypes = 'keyTypes=RSA_1024,RSA_2048,RSA_3072,RSA_4096,EC_prime256v1,EC_secp384r1,EC_secp521r1';
  for (const acmRegion of [...new Set([region, 'us-east-1'])]) {
    const certificates = list((await aws('acm', 'list-certificates', '--region', acmRegion, '--includes', keyTypes)).CertificateSummaryList);
    for (const certificate of certificates) await aws('acm', 'describe-certificate', '--region', acmRegion, '--certificate-arn', str(certificate.CertificateArn));
  }

  for (const zone of list((await aws('route53', 'list-hosted-zones')).HostedZones)) {
    const id = str(zone.Id).replace('/hostedzone/', '');
    await aws('route53', 'get-hosted-zone', '--id', id);
    await aws('route53', 'list-resource-record-sets', '--hosted-zone-id', id);
  }
  return { invocations, wallMs: performance.now() - started };
}
