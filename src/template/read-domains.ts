// API Gateway custom domains, their API mappings and the alias records in front of them: the plain
// resources, and what SAM generates from an API's `Domain` (DOMAIN.md item 40). A template domain's
// target name is known only after deploy, so it is symbolic — and a record aliasing
// `GetAtt <Domain>.RegionalDomainName` carries the very same symbol, so the pair still compares.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-domainconfiguration.html
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-httpapidomainconfiguration.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-domainname.html
import type { DomainName } from '../model/snapshot';
import { endpointTypeOf } from './read-apis';
import { addRecord, zoneIdFor } from './read-dns';
import { EDGE_HOSTED_ZONE_ID, modelId } from './resource-refs';
import { originOf, property, stamp } from './resource-common';
import type { Located, TemplateContext, TemplateResource } from './template-context';
import { symbolic, valueBoolean } from './values';

type EndpointType = DomainName['endpointType'];

/** What DNS must point at: the regional name, or the CloudFront distribution of an EDGE domain. */
function target(owner: string, endpoint: EndpointType): Pick<DomainName, 'targetDomainName' | 'targetHostedZoneId'> {
  return endpoint === 'EDGE'
    ? { targetDomainName: symbolic(`GetAtt ${owner}.DistributionDomainName`), targetHostedZoneId: EDGE_HOSTED_ZONE_ID }
    : { targetDomainName: symbolic(`GetAtt ${owner}.RegionalDomainName`), targetHostedZoneId: symbolic(`GetAtt ${owner}.RegionalHostedZoneId`) };
}

function readRestDomain(ctx: TemplateContext, resource: TemplateResource): void {
  const name = modelId(ctx, resource);
  const endpoint = endpointTypeOf(ctx, resource) ?? 'EDGE';
  const regional = property(ctx, resource, 'RegionalCertificateArn');
  const edge = property(ctx, resource, 'CertificateArn');
  const certificate = endpoint === 'EDGE' ? (edge ?? regional) : (regional ?? edge);
  const certificateArn = ctx.text(certificate?.node);
  ctx.model.add(
    'domainNames',
    {
      id: name,
      ...stamp(ctx, resource),
      domainName: name,
      apiVersion: 'v1',
      endpointType: endpoint,
      ...(certificateArn !== undefined ? { certificateArn } : {}),
      ...target(resource.logicalId, endpoint),
      status: 'AVAILABLE',
    },
    originOf(resource, { domainName: property(ctx, resource, 'DomainName'), certificate, endpointConfiguration: property(ctx, resource, 'EndpointConfiguration') }),
  );
}

function readHttpDomain(ctx: TemplateContext, resource: TemplateResource): void {
  const name = modelId(ctx, resource);
  const configurations = ctx.items(property(ctx, resource, 'DomainNameConfigurations')?.node) ?? [];
  const certificate = ctx.prop(configurations[0], 'CertificateArn');
  const certificateArn = ctx.text(certificate?.node);
  ctx.model.add(
    'domainNames',
    {
      id: name,
      ...stamp(ctx, resource),
      domainName: name,
      apiVersion: 'v2',
      endpointType: 'REGIONAL',
      ...(certificateArn !== undefined ? { certificateArn } : {}),
      ...target(resource.logicalId, 'REGIONAL'),
      status: 'AVAILABLE',
    },
    originOf(resource, { domainName: property(ctx, resource, 'DomainName'), certificate }),
  );
}

function readMappings(ctx: TemplateContext): void {
  for (const resource of ctx.ofType('AWS::ApiGateway::BasePathMapping', 'AWS::ApiGatewayV2::ApiMapping')) {
    const v2 = resource.type === 'AWS::ApiGatewayV2::ApiMapping';
    const domainName = ctx.text(property(ctx, resource, 'DomainName')?.node) ?? symbolic(`DomainName of ${resource.logicalId}`);
    const basePath = ctx.text(property(ctx, resource, v2 ? 'ApiMappingKey' : 'BasePath')?.node) ?? '';
    ctx.model.add(
      'apiMappings',
      {
        id: v2 ? resource.logicalId : `${domainName}/${basePath || '(none)'}`,
        ...stamp(ctx, resource),
        domainName,
        apiId: ctx.text(property(ctx, resource, v2 ? 'ApiId' : 'RestApiId')?.node) ?? symbolic(`API of ${resource.logicalId}`),
        stage: ctx.text(property(ctx, resource, 'Stage')?.node) ?? '',
        basePath,
      },
      originOf(resource),
    );
  }
}

/** SAM `Domain` on an Api or HttpApi: the domain, one mapping per BasePath (the root if none), and Route53 records. */
function expandSamDomain(ctx: TemplateContext, api: TemplateResource, domain: Located, v2: boolean): void {
  const node = domain.node;
  const nameSpot = ctx.prop(node, 'DomainName');
  const name = ctx.text(nameSpot?.node);
  if (name === undefined) return;
  const certificate = ctx.prop(node, 'CertificateArn');
  const certificateArn = ctx.text(certificate?.node);
  const endpointSpot = ctx.prop(node, 'EndpointConfiguration');
  // Api domains default to REGIONAL; HttpApi domains are REGIONAL only.
  const endpointText = v2 ? 'REGIONAL' : (ctx.text(endpointSpot?.node)?.toUpperCase() ?? 'REGIONAL');
  const endpoint: EndpointType = endpointText === 'EDGE' || endpointText === 'PRIVATE' ? endpointText : 'REGIONAL';
  const owner = `${api.logicalId}.Domain`;
  const route53 = ctx.prop(node, 'Route53');
  const basePathSpot = ctx.prop(node, 'BasePath');
  const origin = (extra: Record<string, Located | undefined>) => {
    const made = originOf(api, { domain, domainName: nameSpot, certificate, endpointConfiguration: endpointSpot, route53, basePath: basePathSpot, ...extra });
    made.anchors.set('resource', domain.keySpan);
    return made;
  };
  const domainName = ctx.model.add(
    'domainNames',
    {
      id: name,
      accountId: ctx.accountId,
      region: ctx.region,
      logicalId: api.logicalId,
      domainName: name,
      apiVersion: v2 ? 'v2' : 'v1',
      endpointType: endpoint,
      ...(certificateArn !== undefined ? { certificateArn } : {}),
      ...target(owner, endpoint),
      status: 'AVAILABLE',
    },
    origin({}),
  );
  const apiModel = ctx.model.get('apis', modelId(ctx, api));
  const basePaths = basePathSpot ? ctx.list(basePathSpot.node) : [''];
  for (const basePath of basePaths.length > 0 ? basePaths : ['']) {
    // SAM strips the leading slash; "/" alone is the root.
    const path = basePath.replace(/^\//, '');
    ctx.model.add(
      'apiMappings',
      {
        id: `${name}/${path || '(none)'}`,
        accountId: ctx.accountId,
        region: ctx.region,
        logicalId: api.logicalId,
        domainName: name,
        apiId: apiModel?.id ?? modelId(ctx, api),
        stage: apiModel?.stages[0] ?? '',
        basePath: path,
      },
      origin({}),
    );
  }
  if (!route53) return;
  const zoneId = zoneIdFor(ctx, ctx.text(ctx.prop(route53.node, 'HostedZoneId')?.node), ctx.text(ctx.prop(route53.node, 'HostedZoneName')?.node));
  const evaluateTargetHealth = valueBoolean(ctx.evaluate(ctx.prop(route53.node, 'EvaluateTargetHealth')?.node)) ?? false;
  const types = valueBoolean(ctx.evaluate(ctx.prop(route53.node, 'IpV6')?.node)) ? ['A', 'AAAA'] : ['A'];
  for (const type of types) {
    addRecord(
      ctx,
      {
        zoneId,
        recordName: name,
        type,
        values: [],
        alias: { dnsName: domainName.targetDomainName ?? '', hostedZoneId: domainName.targetHostedZoneId ?? '', evaluateTargetHealth },
        logicalId: api.logicalId,
      },
      origin({ aliasTarget: route53 }),
    );
  }
}

export function readDomains(ctx: TemplateContext): void {
  ctx.ofType('AWS::ApiGateway::DomainName').forEach((r) => readRestDomain(ctx, r));
  ctx.ofType('AWS::ApiGatewayV2::DomainName').forEach((r) => readHttpDomain(ctx, r));
  readMappings(ctx);
  for (const api of ctx.ofType('AWS::Serverless::Api', 'AWS::Serverless::HttpApi')) {
    const domain = property(ctx, api, 'Domain');
    if (domain) expandSamDomain(ctx, api, domain, api.type === 'AWS::Serverless::HttpApi');
  }
}
