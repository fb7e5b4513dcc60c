// Route 53 for the seed-2 account: the public zone example.com with an alias per domain (right,
// missing, wrong zone id, at the API's execute-api name, a CNAME at the apex), two delegated
// sub-zones (team: the parent's NS record lists other servers; ok: the right ones — moto gives
// every zone the same four), and a private zone svc.example.com that shadows a public name.
import { CreateVpcCommand, ModifyVpcAttributeCommand } from '@aws-sdk/client-ec2';
import { ChangeResourceRecordSetsCommand, CreateHostedZoneCommand, GetHostedZoneCommand, type Change, type RRType, type VPCRegion } from '@aws-sdk/client-route-53';
import type { RegionClients } from './fixtures/clients';
import type { Seed2Apis } from './seed2-account';

export interface Seed2Zones {
  publicZone: string;
  teamZone: string;
  okZone: string;
  privateZone: string;
  vpc: string;
}

const alias = (name: string, dnsName: string, zoneId: string): Change => ({
  Action: 'CREATE',
  ResourceRecordSet: { Name: name, Type: 'A', AliasTarget: { DNSName: dnsName, HostedZoneId: zoneId, EvaluateTargetHealth: false } },
});
const plain = (name: string, type: RRType, values: string[]): Change => ({
  Action: 'CREATE',
  ResourceRecordSet: { Name: name, Type: type, TTL: 300, ResourceRecords: values.map((Value) => ({ Value })) },
});

export async function buildSeed2Zones(c: RegionClients, apis: Seed2Apis): Promise<Seed2Zones> {
  const zoneId = async (Name: string, extra: Partial<ConstructorParameters<typeof CreateHostedZoneCommand>[0]> = {}) =>
    (await c.route53.send(new CreateHostedZoneCommand({ Name, CallerReference: Name, ...extra }))).HostedZone?.Id?.replace('/hostedzone/', '') ?? '';
  const change = (HostedZoneId: string, Changes: Change[]) => c.route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId, ChangeBatch: { Changes } }));
  const target = (name: string) => apis.targets[name] ?? { name: '', zoneId: '' };
  const right = (name: string) => alias(name, target(name).name, target(name).zoneId);

  const publicZone = await zoneId('example.com');
  const teamZone = await zoneId('team.example.com');
  const okZone = await zoneId('ok.example.com');
  const okServers = (await c.route53.send(new GetHostedZoneCommand({ Id: okZone }))).DelegationSet?.NameServers ?? [];
  await change(publicZone, [
    right('api.example.com'),
    right('pending.example.com'),
    right('edge.example.com'),
    right('legacy.example.com'),
    right('orders.svc.example.com'),
    alias('dev.example.com', 'd-dev0000000.execute-api.ap-northeast-2.amazonaws.com', 'Z20JF4UZKIW1U8'),
    plain('www.example.com', 'CNAME', ['d-www0000000.execute-api.ap-northeast-2.amazonaws.com']),
    // Right name, wrong zone id; the API's own endpoint instead of the custom domain's; a CNAME at the apex.
    alias('alias.example.com', target('alias.example.com').name, 'Z1UJRXOUMOOFQ8'),
    alias('shop.example.com', `${apis.restApi}.execute-api.${c.region}.amazonaws.com`, target('shop.example.com').zoneId),
    plain('example.com', 'CNAME', [target('example.com').name]),
    plain('team.example.com', 'NS', ['ns1.parked-registrar.net', 'ns2.parked-registrar.net']),
    plain('ok.example.com', 'NS', okServers),
  ]);
  await change(teamZone, [right('api.team.example.com')]);
  await change(okZone, [right('api.ok.example.com')]);

  const vpc = (await c.ec2.send(new CreateVpcCommand({ CidrBlock: '10.42.0.0/16' }))).Vpc?.VpcId ?? '';
  await c.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpc, EnableDnsSupport: { Value: true } }));
  await c.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpc, EnableDnsHostnames: { Value: true } }));
  const privateZone = await zoneId('svc.example.com', { HostedZoneConfig: { PrivateZone: true }, VPC: { VPCId: vpc, VPCRegion: c.region as VPCRegion } });
  await change(privateZone, [plain('cache.svc.example.com', 'A', ['10.42.1.50'])]);
  return { publicZone, teamZone, okZone, privateZone, vpc };
}
