// The second seed story's account, built in moto: a Django app on Lambda behind a REST API and an
// HTTP API, with custom domains — the working ones and one per broken link of the chain. Certificates
// are imported (ISSUED at once, with the SANs we choose) or requested (PENDING_VALIDATION: moto's
// default MOTO_ACM_VALIDATION_WAIT is 60 s, far longer than the test). DNS lives in seed2-dns.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportCertificateCommand, RequestCertificateCommand } from '@aws-sdk/client-acm';
import {
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateDomainNameCommand as CreateDomainNameV2Command,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { EMPTY_ZIP, type RegionClients } from './fixtures/clients';

/** A self-signed ECDSA certificate for these names (the first is the subject): ACM imports it as ISSUED. */
function selfSigned(names: readonly string[]): { Certificate: Uint8Array; PrivateKey: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'snm-seed2-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '90',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', `/CN=${names[0] ?? ''}`, '-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`], { stdio: 'ignore' });
    return { Certificate: readFileSync(join(dir, 'cert.pem')), PrivateKey: readFileSync(join(dir, 'key.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Seed2Apis {
  functionArn: string;
  restApi: string;
  httpApi: string;
  /** *.example.com only — not the apex. */
  wildcardCert: string;
  /** *.team.example.com, *.ok.example.com, *.svc.example.com. */
  subzoneCert: string;
  pendingCert: string;
  /** Regional target name and zone id of each v1 domain, as API Gateway reports them. */
  targets: Record<string, { name: string; zoneId: string }>;
}

const REGIONAL_V1 = ['api.example.com', 'pending.example.com', 'example.com', 'missing.example.com', 'alias.example.com', 'shop.example.com', 'legacy.example.com', 'api.team.example.com', 'api.ok.example.com', 'orders.svc.example.com'];

async function buildFunction(c: RegionClients): Promise<string> {
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const role = (await c.iam.send(new CreateRoleCommand({ RoleName: 'zappa-role', AssumeRolePolicyDocument: trust }))).Role?.Arn ?? '';
  const arn = (await c.lambda.send(new CreateFunctionCommand({ FunctionName: 'ZappaDjangoApp', Runtime: 'python3.12', Handler: 'handler.lambda_handler', Role: role, Code: { ZipFile: EMPTY_ZIP }, Timeout: 25 }))).FunctionArn ?? '';
  await c.lambda.send(new AddPermissionCommand({ FunctionName: 'ZappaDjangoApp', StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' }));
  return arn;
}

async function buildRestApi(c: RegionClients, functionArn: string): Promise<string> {
  const api = (await c.apigateway.send(new CreateRestApiCommand({ name: 'zappa-django', endpointConfiguration: { types: ['REGIONAL'] } }))).id ?? '';
  const root = (await c.apigateway.send(new GetResourcesCommand({ restApiId: api }))).items?.find((r) => r.path === '/')?.id ?? '';
  const proxy = (await c.apigateway.send(new CreateResourceCommand({ restApiId: api, parentId: root, pathPart: '{proxy+}' }))).id ?? '';
  await c.apigateway.send(new PutMethodCommand({ restApiId: api, resourceId: proxy, httpMethod: 'ANY', authorizationType: 'NONE' }));
  const uri = `arn:aws:apigateway:${c.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
  await c.apigateway.send(new PutIntegrationCommand({ restApiId: api, resourceId: proxy, httpMethod: 'ANY', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri, timeoutInMillis: 29000 }));
  await c.apigateway.send(new CreateDeploymentCommand({ restApiId: api, stageName: 'prod' }));
  return api;
}

async function buildHttpApi(c: RegionClients, functionArn: string): Promise<string> {
  const api = (await c.apigatewayv2.send(new CreateApiCommand({ Name: 'storefront', ProtocolType: 'HTTP' }))).ApiId ?? '';
  const integration = await c.apigatewayv2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: functionArn, PayloadFormatVersion: '2.0', TimeoutInMillis: 30000 }));
  await c.apigatewayv2.send(new CreateRouteCommand({ ApiId: api, RouteKey: '$default', Target: `integrations/${integration.IntegrationId}` }));
  await c.apigatewayv2.send(new CreateStageCommand({ ApiId: api, StageName: '$default' }));
  return api;
}

export async function buildSeed2Apis(c: RegionClients): Promise<Seed2Apis> {
  const functionArn = await buildFunction(c);
  const [restApi, httpApi] = [await buildRestApi(c, functionArn), await buildHttpApi(c, functionArn)];
  const wildcardCert = (await c.acm.send(new ImportCertificateCommand(selfSigned(['*.example.com'])))).CertificateArn ?? '';
  const subzoneCert = (await c.acm.send(new ImportCertificateCommand(selfSigned(['*.team.example.com', '*.ok.example.com', '*.svc.example.com'])))).CertificateArn ?? '';
  const pendingCert = (await c.acm.send(new RequestCertificateCommand({ DomainName: 'pending.example.com', ValidationMethod: 'DNS' }))).CertificateArn ?? '';

  const certFor = (name: string) => (name === 'pending.example.com' ? pendingCert : /\.(team|ok|svc)\.example\.com$/.test(name) ? subzoneCert : wildcardCert);
  const targets: Seed2Apis['targets'] = {};
  for (const name of REGIONAL_V1) {
    const domain = await c.apigateway.send(new CreateDomainNameCommand({ domainName: name, regionalCertificateArn: certFor(name), endpointConfiguration: { types: ['REGIONAL'] } }));
    targets[name] = { name: domain.regionalDomainName ?? '', zoneId: domain.regionalHostedZoneId ?? '' };
    // legacy.example.com is the REST domain whose mapping was forgotten.
    if (name !== 'legacy.example.com') await c.apigateway.send(new CreateBasePathMappingCommand({ domainName: name, restApiId: restApi, stage: 'prod' }));
  }
  // EDGE with a certificate from the API's region instead of us-east-1.
  const edge = await c.apigateway.send(new CreateDomainNameCommand({ domainName: 'edge.example.com', certificateArn: wildcardCert, endpointConfiguration: { types: ['EDGE'] } }));
  targets['edge.example.com'] = { name: edge.distributionDomainName ?? '', zoneId: edge.distributionHostedZoneId ?? '' };
  await c.apigateway.send(new CreateBasePathMappingCommand({ domainName: 'edge.example.com', restApiId: restApi, stage: 'prod' }));
  // HTTP API domains: www is mapped; dev, the seed story's domain, is not.
  for (const name of ['www.example.com', 'dev.example.com']) {
    await c.apigatewayv2.send(new CreateDomainNameV2Command({ DomainName: name, DomainNameConfigurations: [{ CertificateArn: wildcardCert, EndpointType: 'REGIONAL' }] }));
  }
  await c.apigatewayv2.send(new CreateApiMappingCommand({ DomainName: 'www.example.com', ApiId: httpApi, Stage: '$default' }));
  return { functionArn, restApi, httpApi, wildcardCert, subzoneCert, pendingCert, targets };
}
