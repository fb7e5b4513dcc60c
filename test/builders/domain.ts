// An API Gateway custom domain and the chain around it: certificate, API, mapping, hosted zone, alias record.
import { here, type Item, type ResourcesInput } from './snapshot';

export const ZONE_ID = 'Z0000000000000000TEST';
export const API_ID = 'abc123def4';

export interface DomainSetup {
  domain: Item<'domainNames'>;
  certificate: Item<'certificates'>;
  api: Item<'apis'>;
  mappings: Item<'apiMappings'>[];
  zone: Item<'hostedZones'>;
  records: Item<'recordSets'>[];
}

/** A healthy REGIONAL REST custom domain `name` in zone example.com: ISSUED certificate, root mapping to API_ID/prod, alias A record. */
export function domainSetup(name = 'api.example.com'): DomainSetup {
  const target = `d-abcdef1234.execute-api.${here.region}.amazonaws.com`;
  const certificateArn = `arn:aws:acm:${here.region}:${here.accountId}:certificate/11111111-2222-3333-4444-555555555555`;
  return {
    domain: { ...here, id: name, domainName: name, apiVersion: 'v1', endpointType: 'REGIONAL', certificateArn, targetDomainName: target, targetHostedZoneId: 'Z20JF4UZKIW1U8' },
    certificate: {
      ...here,
      id: certificateArn,
      arn: certificateArn,
      domainName: name,
      status: 'ISSUED',
      validations: [{ domainName: name, status: 'SUCCESS', record: { name: `_abc.${name}.`, type: 'CNAME', value: '_xyz.acm-validations.aws.' } }],
    },
    api: { ...here, id: API_ID, name: 'shop-api', protocol: 'REST', endpointType: 'REGIONAL', stages: ['prod'] },
    mappings: [{ ...here, id: `${name}/(none)`, domainName: name, apiId: API_ID, stage: 'prod', basePath: '' }],
    zone: { ...here, region: 'global', id: ZONE_ID, zoneName: 'example.com.', private: false, nameServers: ['ns-1.awsdns-01.org'] },
    records: [
      { ...here, region: 'global', id: `${ZONE_ID}/${name}./A`, zoneId: ZONE_ID, recordName: `${name}.`, type: 'A', alias: { dnsName: `${target}.`, hostedZoneId: 'Z20JF4UZKIW1U8' } },
    ],
  };
}

export function domainResources(setup: DomainSetup): ResourcesInput {
  return {
    domainNames: [setup.domain],
    certificates: [setup.certificate],
    apis: [setup.api],
    apiMappings: setup.mappings,
    hostedZones: [setup.zone],
    recordSets: setup.records,
  };
}
