// Route 53 hosted zones and records (RecordSet, RecordSetGroup), and ACM certificates.
// A record names its zone by id or by name; a name resolves to a template zone, else to a public
// zone of the account. Records get the id a scan gives them (zone/name./type), so a template
// record replaces the deployed one of the same name and type when merged with the account.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-route53-recordset.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-certificatemanager-certificate.html
import type { RecordSet } from '../model/snapshot';
import { modelId } from './resource-refs';
import { originOf, property, stamp } from './resource-common';
import type { Anchors } from './template-model';
import type { Located, TemplateContext, TemplateResource } from './template-context';
import { isSymbolic, isValueMap, symbolic, textList, valueBoolean, valueNumber, valueText, type Value, type ValueMap } from './values';

/** Zone and record names as Route 53 returns them: with the root's trailing dot. */
export function absoluteName(name: string): string {
  return isSymbolic(name) || name.endsWith('.') ? name : `${name}.`;
}

const normalize = (name: string): string => name.toLowerCase().replace(/\.$/, '');

export function zoneIdFor(ctx: TemplateContext, id: string | undefined, name: string | undefined): string {
  if (id) return id.replace(/^\/hostedzone\//, '');
  if (!name) return symbolic('hosted zone');
  const wanted = normalize(name);
  const own = ctx.model.resources.hostedZones.find((z) => normalize(z.zoneName) === wanted);
  if (own) return own.id;
  const account = ctx.env.account?.resources.hostedZones.filter((z) => normalize(z.zoneName) === wanted).sort((a, b) => Number(a.private) - Number(b.private))[0];
  return account?.id ?? symbolic(`HostedZoneName ${name}`);
}

export function addRecord(
  ctx: TemplateContext,
  record: Omit<RecordSet, 'id' | 'accountId' | 'region'>,
  origin: { logicalId: string; anchors: Anchors },
): void {
  const recordName = absoluteName(record.recordName);
  ctx.model.add('recordSets', { ...record, recordName, id: `${record.zoneId}/${recordName}/${record.type}`, accountId: ctx.accountId, region: 'global' }, origin);
}

function readZone(ctx: TemplateContext, resource: TemplateResource): void {
  const vpcs = ctx.evaluate(property(ctx, resource, 'VPCs')?.node);
  const vpcIds = Array.isArray(vpcs) ? (vpcs as Value[]).filter(isValueMap).map((v) => valueText(v.VPCId) ?? symbolic('VPC')) : [];
  ctx.model.add(
    'hostedZones',
    {
      id: modelId(ctx, resource),
      ...stamp(ctx, resource, 'global'),
      zoneName: absoluteName(ctx.text(property(ctx, resource, 'Name')?.node) ?? symbolic(`Name of ${resource.logicalId}`)),
      private: vpcIds.length > 0,
      vpcIds,
      // Route 53 assigns the name servers at creation.
      nameServers: [],
    },
    originOf(resource, { zoneName: property(ctx, resource, 'Name') }),
  );
}

function recordFrom(ctx: TemplateContext, value: ValueMap, zoneId: string, logicalId: string): Omit<RecordSet, 'id' | 'accountId' | 'region'> {
  const alias = isValueMap(value.AliasTarget) ? value.AliasTarget : undefined;
  const ttl = valueNumber(value.TTL);
  return {
    logicalId,
    zoneId,
    recordName: valueText(value.Name) ?? symbolic(`Name of ${logicalId}`),
    type: (valueText(value.Type) ?? 'A').toUpperCase(),
    ...(ttl !== undefined ? { ttl } : {}),
    values: value.ResourceRecords === undefined ? [] : textList(value.ResourceRecords),
    ...(alias
      ? {
          alias: {
            dnsName: valueText(alias.DNSName) ?? symbolic('alias DNSName'),
            hostedZoneId: valueText(alias.HostedZoneId) ?? symbolic('alias HostedZoneId'),
            evaluateTargetHealth: valueBoolean(alias.EvaluateTargetHealth) ?? false,
          },
        }
      : {}),
  };
}

function readRecordSet(ctx: TemplateContext, resource: TemplateResource): void {
  const value = ctx.evaluate(resource.properties);
  if (!isValueMap(value)) return;
  const zoneId = zoneIdFor(ctx, valueText(value.HostedZoneId), valueText(value.HostedZoneName));
  addRecord(
    ctx,
    recordFrom(ctx, value, zoneId, resource.logicalId),
    originOf(resource, { aliasTarget: property(ctx, resource, 'AliasTarget'), resourceRecords: property(ctx, resource, 'ResourceRecords'), recordName: property(ctx, resource, 'Name') }),
  );
}

function readRecordSetGroup(ctx: TemplateContext, resource: TemplateResource): void {
  const zoneId = zoneIdFor(ctx, ctx.text(property(ctx, resource, 'HostedZoneId')?.node), ctx.text(property(ctx, resource, 'HostedZoneName')?.node));
  for (const item of ctx.items(property(ctx, resource, 'RecordSets')?.node) ?? []) {
    const value = ctx.evaluate(item);
    if (!isValueMap(value)) continue;
    const spots: Record<string, Located | undefined> = { aliasTarget: ctx.prop(item, 'AliasTarget'), resourceRecords: ctx.prop(item, 'ResourceRecords'), recordName: ctx.prop(item, 'Name') };
    addRecord(ctx, recordFrom(ctx, value, zoneId, resource.logicalId), originOf(resource, spots));
  }
}

/**
 * A template certificate is ISSUED once deployed: CloudFormation finishes creating it only after
 * validation succeeds (and fails the stack if it does not), so the deployed state is ISSUED.
 */
function readCertificate(ctx: TemplateContext, resource: TemplateResource): void {
  const arn = modelId(ctx, resource);
  const domainSpot = property(ctx, resource, 'DomainName');
  const domainName = ctx.text(domainSpot?.node) ?? symbolic(`DomainName of ${resource.logicalId}`);
  const alternatives = ctx.list(property(ctx, resource, 'SubjectAlternativeNames')?.node);
  ctx.model.add(
    'certificates',
    {
      id: arn,
      ...stamp(ctx, resource),
      name: domainName,
      arn,
      domainName,
      // ACM lists the domain name among the subject alternative names.
      subjectAlternativeNames: [...new Set([domainName, ...alternatives])],
      status: 'ISSUED',
      validations: [],
    },
    originOf(resource, { domainName: domainSpot, subjectAlternativeNames: property(ctx, resource, 'SubjectAlternativeNames'), validation: property(ctx, resource, 'DomainValidationOptions') }),
  );
}

export function readDns(ctx: TemplateContext): void {
  ctx.ofType('AWS::Route53::HostedZone').forEach((r) => readZone(ctx, r));
  ctx.ofType('AWS::CertificateManager::Certificate').forEach((r) => readCertificate(ctx, r));
  ctx.ofType('AWS::Route53::RecordSet').forEach((r) => readRecordSet(ctx, r));
  ctx.ofType('AWS::Route53::RecordSetGroup').forEach((r) => readRecordSetGroup(ctx, r));
}
