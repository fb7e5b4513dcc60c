// dns-record-wrong-target: the record for a custom domain does not lead to the domain's API
// Gateway target: an alias or CNAME to another name (often the API's own execute-api endpoint, or
// another domain's d-… name), an alias with the right name but the wrong hosted zone id, or fixed
// addresses (a warning: they work until API Gateway's addresses change). A target the input does
// not know (a template before deploy, a v2 domain without its target) is no finding.
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-alias-common.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
import type { Finding } from '../model/finding';
import type { RecordSet } from '../model/snapshot';
import { domainChain, domainResource, hopsThrough, type DomainChain } from './domain-chain';
import { hopOf, link } from './dns-link';
import { liveName, resolverLabel } from './dns-live';
import { isApexCname, targetIsTemplateValue, targetNameText, targetText } from './dns-records';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

function recordResource(record: RecordSet): Finding['resource'] {
  return record.logicalId === undefined ? { kind: 'record', id: record.id } : { kind: 'record', id: record.id, logicalId: record.logicalId };
}

function recordKind(record: RecordSet): string {
  return record.alias ? `alias ${record.type} record` : `${record.type} record`;
}

/** Records the snapshot holds for the name: in its zone, or a template's records into a zone it does not declare. */
function recordFindings(chain: DomainChain): Finding[] {
  const { domain, zone } = chain;
  const name = normalizeDnsName(domain.domainName);
  const front = chain.front.slice(0, Math.max(0, chain.front.findIndex((l) => l.kind === 'record'))).map(hopOf);
  return chain.records.flatMap(({ record, verdict }) => {
    // A CNAME at the apex is its own finding (dns-cname-at-apex).
    if (verdict.state !== 'broken' || (zone && isApexCname(record, zone))) return [];
    const wildcard = normalizeDnsName(record.recordName) === name ? '' : ` (the wildcard ${normalizeDnsName(record.recordName)})`;
    const fix = record.alias
      ? `set the alias to ${targetText(domain)}${targetIsTemplateValue(domain) ? '' : ` (in a template, !GetAtt of the domain's ${domain.endpointType === 'EDGE' ? 'DistributionDomainName and DistributionHostedZoneId' : 'RegionalDomainName and RegionalHostedZoneId'})`}`
      : record.type.toUpperCase() === 'CNAME'
        ? `point the CNAME at ${targetNameText(domain)}`
        : `replace it with an alias ${record.type} record with ${targetText(domain)}`;
    const finding: Finding = {
      code: 'dns-record-wrong-target',
      severity: verdict.severity,
      message: `${name}: the ${recordKind(record)} ${record.id}${wildcard} ${verdict.reason}. Fix: ${fix}.`,
      resource: recordResource(record),
      hops: [...front, hopOf(link('record', record.id, verdict)), hopOf(link('domain-name', domain.id))],
    };
    return [finding];
  });
}

/** A CNAME seen in public DNS (another DNS provider): the finding sits on the domain, the only thing we hold. */
function publicFinding(index: SnapshotIndex, chain: DomainChain): Finding[] {
  const record = chain.front.find((l) => l.kind === 'record');
  const name = normalizeDnsName(chain.domain.domainName);
  if (chain.recordSource !== 'public-dns' || record?.verdict.state !== 'broken' || liveName(index, name).kind !== 'cname') return [];
  const finding: Finding = {
    code: 'dns-record-wrong-target',
    severity: record.verdict.severity,
    message:
      `${name}: in public DNS (via ${resolverLabel(index)}) its CNAME ${record.verdict.reason}. ` +
      `Fix: at the DNS provider that serves ${name}, point the CNAME at ${targetNameText(chain.domain)}; resolvers keep the old answer for its TTL.`,
    resource: domainResource(chain.domain),
    hops: [...hopsThrough(chain, 'record'), hopOf(link('domain-name', chain.domain.id))],
  };
  return [finding];
}

export function dnsRecordWrongTarget(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => {
    const chain = domainChain(index, domain);
    return chain.recordSource === 'snapshot' ? recordFindings(chain) : publicFinding(index, chain);
  });
}
