// Live DNS observations for rule tests, and custom domains served by another DNS provider (no
// hosted zone in the snapshot): the literal inputs src/dns would produce.
import { analyze } from '../../src/analysis/analyze';
import type { Finding, FindingCode } from '../../src/model/finding';
import type { DnsLookup, Snapshot } from '../../src/model/snapshot';
import { domainSetup, type DomainSetup } from './domain';
import { mergeResources, snapshotWith, type ResourcesInput } from './snapshot';

export const RESOLVER = '192.0.2.53';

/** The four name servers Route 53 might give a zone; `n` makes different sets. */
export function awsNameServers(n = 1): string[] {
  return [`ns-${n}.awsdns-0${n}.com`, `ns-${n + 100}.awsdns-1${n}.net`, `ns-${n + 200}.awsdns-2${n}.org`, `ns-${n + 300}.awsdns-3${n}.co.uk`];
}

export const live = {
  answer: (name: string, type: DnsLookup['type'], values: string[]): DnsLookup => ({ name, type, result: 'answer', values }),
  nx: (name: string, type: DnsLookup['type']): DnsLookup => ({ name, type, result: 'nx-domain', values: [] }),
  noData: (name: string, type: DnsLookup['type']): DnsLookup => ({ name, type, result: 'no-data', values: [] }),
  failed: (name: string, type: DnsLookup['type'], error = 'timed out'): DnsLookup => ({ name, type, result: 'failed', values: [], error }),
};

export function withLookups(snapshot: Snapshot, lookups: DnsLookup[], servers = [RESOLVER]): Snapshot {
  return { ...snapshot, dns: { observedAt: '2026-01-01T00:00:00.000Z', servers, offline: false, lookups } };
}

export function snapshotWithDns(lookups: DnsLookup[], ...resources: ResourcesInput[]): Snapshot {
  return withLookups(snapshotWith(mergeResources(...resources)), lookups);
}

export function findingsIn(snapshot: Snapshot, code?: FindingCode): Finding[] {
  return analyze(snapshot).filter((f) => code === undefined || f.code === code);
}

/** A healthy domain whose name lives at another DNS provider: no hosted zone or record in the snapshot. */
export function externalDomain(name: string, target = `d-ext${name.length}abcde.execute-api.ap-northeast-2.amazonaws.com`): DomainSetup {
  const setup = ownCertificate(domainSetup(name));
  setup.domain.targetDomainName = target;
  setup.records = [];
  return setup;
}

/** domainSetup gives every name the same certificate ARN; several domains in one snapshot need their own. */
export function ownCertificate(setup: DomainSetup): DomainSetup {
  const arn = `arn:aws:acm:${setup.domain.region}:${setup.domain.accountId}:certificate/${setup.domain.domainName}`;
  setup.certificate = { ...setup.certificate, id: arn, arn };
  setup.domain.certificateArn = arn;
  return setup;
}

/** The resources of a setup without its zone and records (another provider serves the name). */
export function withoutZone(setup: DomainSetup): ResourcesInput {
  return { domainNames: [setup.domain], certificates: [setup.certificate], apis: [setup.api], apiMappings: setup.mappings };
}
