// The Route 53 collector (global). ListHostedZones 100 a page; per zone GetHostedZone for the
// delegation set's name servers (what the registrar must list, DOMAIN.md 30) and a private zone's
// VPCs, which no list call carries; ListResourceRecordSets 300 a page by its name/type/identifier
// cursor (API_ListResourceRecordSets). The whole service shares one account-wide rate limit.
import {
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  paginateListHostedZones,
  type HostedZone as SdkHostedZone,
  type ListResourceRecordSetsCommandInput,
  type ListResourceRecordSetsCommandOutput,
  type ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import type { HostedZone, RecordSet } from '../model/snapshot';
import { collectPages, pagesByToken } from './paging';
import { GLOBAL, type ScanContext } from './scan-context';

export const ROUTE53_ZONE_PAGE_SIZE = 100;
export const ROUTE53_RECORD_PAGE_SIZE = 300;

export interface Route53Resources {
  hostedZones: HostedZone[];
  recordSets: RecordSet[];
}

/** Route 53 escapes characters outside [a-z0-9-_.] as \ooo octal, e.g. "\052" for "*" (DomainNameFormat.html). */
export function decodeDnsName(name: string): string {
  return name.replace(/\\(\d{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

function zoneIdOf(id: string | undefined): string {
  return (id ?? '').replace(/^\/hostedzone\//, '');
}

export function toRecordSet(record: ResourceRecordSet, zoneId: string, accountId: string): RecordSet {
  const recordName = decodeDnsName(record.Name ?? '');
  const type = record.Type ?? '';
  return {
    id: `${zoneId}/${recordName}/${type}${record.SetIdentifier ? `/${record.SetIdentifier}` : ''}`,
    accountId,
    region: GLOBAL,
    zoneId,
    recordName,
    type,
    // Alias records have no TTL of their own (resource-record-sets-values-alias-common.html).
    ...(record.TTL !== undefined && !record.AliasTarget ? { ttl: record.TTL } : {}),
    values: (record.ResourceRecords ?? []).map((r) => r.Value ?? ''),
    ...(record.AliasTarget
      ? {
          alias: {
            dnsName: decodeDnsName(record.AliasTarget.DNSName ?? ''),
            hostedZoneId: record.AliasTarget.HostedZoneId ?? '',
            evaluateTargetHealth: record.AliasTarget.EvaluateTargetHealth ?? false,
          },
        }
      : {}),
  };
}

type RecordCursor = Pick<ListResourceRecordSetsCommandInput, 'StartRecordName' | 'StartRecordType' | 'StartRecordIdentifier'>;

function nextCursor(page: ListResourceRecordSetsCommandOutput): RecordCursor | undefined {
  if (!page.IsTruncated || !page.NextRecordName) return undefined;
  return {
    StartRecordName: page.NextRecordName,
    ...(page.NextRecordType ? { StartRecordType: page.NextRecordType } : {}),
    ...(page.NextRecordIdentifier ? { StartRecordIdentifier: page.NextRecordIdentifier } : {}),
  };
}

async function readZone(ctx: ScanContext, client: Route53Client, zone: SdkHostedZone): Promise<{ zone: HostedZone; records: RecordSet[] }> {
  const id = zoneIdOf(zone.Id);
  const [detail, records] = await Promise.all([
    client.send(new GetHostedZoneCommand({ Id: id }), ctx.sendOptions),
    collectPages(
      pagesByToken(
        (cursor: RecordCursor | undefined) =>
          client.send(new ListResourceRecordSetsCommand({ HostedZoneId: id, MaxItems: ROUTE53_RECORD_PAGE_SIZE, ...cursor }), ctx.sendOptions),
        nextCursor,
      ),
      (page) => page.ResourceRecordSets,
    ),
  ]);
  return {
    zone: {
      id,
      accountId: ctx.accountId,
      region: GLOBAL,
      name: decodeDnsName(zone.Name ?? ''),
      zoneName: decodeDnsName(zone.Name ?? ''),
      private: zone.Config?.PrivateZone ?? false,
      vpcIds: (detail.VPCs ?? []).map((v) => v.VPCId ?? '').filter(Boolean),
      nameServers: detail.DelegationSet?.NameServers ?? [],
    },
    records: records.map((r) => toRecordSet(r, id, ctx.accountId)),
  };
}

export async function collectRoute53(ctx: ScanContext): Promise<Route53Resources> {
  const client = ctx.client('route53', GLOBAL, (config) => new Route53Client(config));
  const zones = await collectPages(
    paginateListHostedZones({ client, pageSize: ROUTE53_ZONE_PAGE_SIZE }, {}, ctx.sendOptions),
    (p) => p.HostedZones,
  );
  const read = await Promise.all(
    zones.map((zone) =>
      readZone(ctx, client, zone).catch((error: unknown) => {
        if (ctx.signal.aborted) throw error;
        // One unreadable zone is named; the other zones are kept.
        ctx.gap('route53', GLOBAL, error, `hosted zone ${zoneIdOf(zone.Id)} (${zone.Name ?? ''})`);
        return undefined;
      }),
    ),
  );
  const ok = read.filter((r) => r !== undefined);
  return { hostedZones: ok.map((r) => r.zone), recordSets: ok.flatMap((r) => r.records) };
}
