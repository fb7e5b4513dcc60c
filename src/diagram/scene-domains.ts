// The request half of the picture, left to right as a request travels: DNS record (in its hosted
// zone) → custom domain → API mapping → API → function, with the domain's certificate beside the
// mapping. Runs after addNetwork so API → function arrows can reach functions drawn in subnets.
import type { DomainName, LambdaFunction, RecordSet, Snapshot } from '../model/snapshot';
import type { Scene } from './scene';

/** DNS names compare without case or the trailing dot Route 53 adds. */
function dnsName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function recordServes(record: RecordSet, domain: DomainName): boolean {
  if (!['A', 'AAAA', 'CNAME'].includes(record.type)) return false;
  if (dnsName(record.recordName) === dnsName(domain.domainName)) return true;
  const target = domain.targetDomainName === undefined ? undefined : dnsName(domain.targetDomainName);
  return target !== undefined && (record.alias?.dnsName !== undefined ? dnsName(record.alias.dnsName) === target : record.values.some((v) => dnsName(v) === target));
}

/** An integration names a function by ARN, possibly with a version or alias qualifier. */
function functionForArn(functions: readonly LambdaFunction[], arn: string): LambdaFunction | undefined {
  return functions.find((f) => arn === f.arn || arn.startsWith(`${f.arn}:`));
}

function mappingLabel(basePath: string): string {
  return basePath === '' || basePath === '(none)' ? '/ (root)' : `/${basePath.replace(/^\//, '')}`;
}

export function addDomainChain(scene: Scene, snapshot: Snapshot): void {
  const r = snapshot.resources;
  for (const api of r.apis) {
    scene.addNode({
      id: api.id,
      resourceId: api.id,
      kind: 'api',
      label: api.name ?? api.id,
      detail: [`${api.protocol} API`, api.endpointType, api.stages.join(', ')].filter(Boolean).join(' · '),
    });
    for (const integration of api.integrations) {
      const fn = integration.functionArn === undefined ? undefined : functionForArn(r.lambdaFunctions, integration.functionArn);
      if (fn) for (const target of scene.nodesFor(fn.id)) scene.addEdge(api.id, target);
    }
  }
  for (const domain of r.domainNames) {
    scene.addNode({
      id: domain.id,
      resourceId: domain.id,
      kind: 'domain',
      label: domain.domainName,
      detail: ['custom domain', domain.endpointType, domain.status === 'AVAILABLE' ? undefined : domain.status]
        .filter(Boolean)
        .join(' · '),
    });
    const cert = r.certificates.find((c) => c.arn === domain.certificateArn);
    if (cert) {
      scene.addNode({ id: cert.id, resourceId: cert.id, kind: 'certificate', label: cert.domainName, detail: `certificate · ${cert.status}` });
      scene.addEdge(domain.id, cert.id);
    }
    for (const mapping of r.apiMappings.filter((m) => dnsName(m.domainName) === dnsName(domain.domainName))) {
      scene.addNode({
        id: mapping.id,
        resourceId: mapping.id,
        kind: 'mapping',
        label: mappingLabel(mapping.basePath),
        detail: `mapping · stage ${mapping.stage}`,
      });
      scene.addEdge(domain.id, mapping.id);
      scene.addEdge(mapping.id, mapping.apiId);
    }
    for (const record of r.recordSets.filter((rec) => recordServes(rec, domain))) {
      const zone = r.hostedZones.find((z) => z.id === record.zoneId);
      if (zone) {
        scene.addNode({
          id: zone.id,
          resourceId: zone.id,
          kind: 'hosted-zone',
          label: dnsName(zone.zoneName),
          detail: `${zone.private ? 'private' : 'public'} zone · ${zone.id}`,
        });
      }
      scene.addNode({
        id: record.id,
        resourceId: record.id,
        parent: zone?.id,
        kind: 'record',
        label: dnsName(record.recordName),
        detail: record.alias ? `${record.type} alias → ${dnsName(record.alias.dnsName)}` : `${record.type} → ${record.values.map(dnsName).join(', ')}`,
      });
      scene.addEdge(record.id, domain.id);
    }
  }
}
