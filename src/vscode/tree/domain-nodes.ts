// Domains → custom domain → its certificate, API mapping → API → function: the chain a request to
// a custom domain follows, so a missing link (no mapping, no integration) shows where it stops.
import type { Api, ApiMapping, Certificate, DomainName, Snapshot } from '../../model/snapshot';
import { functionNode } from './network-nodes';
import { plural, resourceNode, type FindingIndex, type ResourceTreeNode } from './tree-node';

export function domainsNode(snapshot: Snapshot, findings: FindingIndex): ResourceTreeNode {
  const domains = snapshot.resources.domainNames;
  const id = 'domains';
  return {
    id,
    label: 'Domains',
    description: domains.length === 0 ? 'none' : plural(domains.length, 'custom domain'),
    icon: 'globe',
    status: 'ok',
    kind: 'group',
    expanded: false,
    tooltip: { title: 'API Gateway custom domains', rows: [['Count', String(domains.length)]] },
    children: domains.map((domain) => domainNode(snapshot, findings, id, domain)),
  };
}

function domainNode(snapshot: Snapshot, findings: FindingIndex, parentId: string, domain: DomainName): ResourceTreeNode {
  const certificate = snapshot.resources.certificates.find((c) => c.arn === domain.certificateArn);
  const node = resourceNode(
    parentId,
    domain,
    {
      label: domain.domainName,
      description: `${domain.endpointType} · ${domain.apiVersion}`,
      icon: 'link',
      kind: 'domain',
      expanded: false,
      tooltip: {
        title: `Custom domain ${domain.domainName}`,
        rows: [
          ['Endpoint', domain.endpointType],
          ['Status', domain.status],
          ['DNS target', domain.targetDomainName],
          ['Certificate', domain.certificateArn],
          ['Certificate status', certificate?.status],
          ['Region', domain.region],
        ],
      },
      children: [],
    },
    findings,
    { name: domain.domainName, apiFlavour: domain.apiVersion },
  );
  const mappings = snapshot.resources.apiMappings.filter((m) => m.domainName === domain.domainName);
  const certificateRow = certificate ? [certificateNode(findings, node.id, certificate)] : [];
  node.children =
    mappings.length > 0
      ? [...certificateRow, ...mappings.map((mapping) => mappingNode(snapshot, findings, node.id, mapping))]
      : [
          ...certificateRow,
          {
            id: `${node.id}/no-mapping`,
            label: 'No API mapping',
            description: 'requests to this domain reach no API',
            icon: 'circle-slash',
            status: 'ok',
            kind: 'placeholder',
            expanded: false,
            tooltip: { title: 'No API mapping', rows: [['Fix', 'add a base path mapping (v1) or API mapping (v2) for this domain']] },
            children: [],
          },
        ];
  return node;
}

function certificateNode(findings: FindingIndex, parentId: string, certificate: Certificate): ResourceTreeNode {
  return resourceNode(
    parentId,
    certificate,
    {
      label: certificate.domainName,
      description: `certificate · ${certificate.status}`,
      icon: 'workspace-trusted',
      kind: 'certificate',
      expanded: false,
      tooltip: {
        title: `Certificate ${certificate.domainName}`,
        rows: [
          ['ARN', certificate.arn],
          ['Status', certificate.status],
          ['Names', [certificate.domainName, ...certificate.subjectAlternativeNames].join(', ')],
          ['Region', certificate.region],
          ['Expires', certificate.notAfter],
        ],
      },
      children: [],
    },
    findings,
  );
}

function mappingNode(snapshot: Snapshot, findings: FindingIndex, parentId: string, mapping: ApiMapping): ResourceTreeNode {
  const api = snapshot.resources.apis.find((a) => a.id === mapping.apiId);
  const path = mapping.basePath === '' || mapping.basePath === '(none)' ? '/' : `/${mapping.basePath}`;
  const node = resourceNode(
    parentId,
    mapping,
    {
      label: path,
      description: `→ ${api?.name ?? mapping.apiId} (${mapping.stage})`,
      icon: 'arrow-right',
      kind: 'mapping',
      expanded: false,
      tooltip: { title: `API mapping ${path}`, rows: [['Domain', mapping.domainName], ['API', mapping.apiId], ['Stage', mapping.stage]] },
      children: [],
    },
    findings,
    { name: mapping.domainName },
  );
  node.children = api ? [apiNode(snapshot, findings, node.id, api)] : [];
  return node;
}

function apiNode(snapshot: Snapshot, findings: FindingIndex, parentId: string, api: Api): ResourceTreeNode {
  const node = resourceNode(
    parentId,
    api,
    {
      label: api.name ?? api.id,
      description: [api.protocol, api.endpointType].filter(Boolean).join(' · '),
      icon: 'radio-tower',
      kind: 'api',
      expanded: false,
      tooltip: {
        title: `API ${api.name ?? api.id}`,
        rows: [['ID', api.id], ['Protocol', api.protocol], ['Endpoint', api.endpointType], ['Stages', api.stages.join(', ')], ['Template', api.logicalId]],
      },
      children: [],
    },
    findings,
    { apiFlavour: api.protocol === 'REST' ? 'v1' : 'v2' },
  );
  node.children = api.integrations.flatMap((integration) => {
    const fn = snapshot.resources.lambdaFunctions.find((f) => f.arn === integration.functionArn);
    return fn ? [functionNode(findings, node.id, fn, integration.route)] : [];
  });
  return node;
}
