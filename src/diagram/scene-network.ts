// The network half of the picture: VPC ⊃ subnet ⊃ (function, NAT gateway, ENI), gateways and
// endpoints in the VPC, the internet outside, and arrows for where each subnet's default route goes.
//
// A VPC-attached function is drawn once in every subnet it uses (id `<function>@<subnet>`): Lambda
// places an ENI per subnet, and each subnet has its own route out, so the same function can have
// a working path from one subnet and a broken one from another. One box per subnet shows that
// honestly; a single box with fan-out arrows would hide which subnet is the broken one.
import type { LambdaFunction, NetworkInterface, RouteTable, Snapshot, Subnet, Vpc } from '../model/snapshot';
import type { Scene } from './scene';

export function functionNodeId(functionId: string, subnetId: string): string {
  return `${functionId}@${subnetId}`;
}

/** The table a subnet uses: its explicit association, else its VPC's main table. */
function routeTableOf(snapshot: Snapshot, subnet: Subnet): RouteTable | undefined {
  const tables = snapshot.resources.routeTables.filter((t) => t.vpcId === subnet.vpcId);
  return tables.find((t) => t.subnetIds.includes(subnet.id)) ?? tables.find((t) => t.main);
}

/** Where 0.0.0.0/0 leaves a subnet (an igw-, nat-, … id), if anywhere. Longest-prefix detail is analysis's job. */
export function defaultRouteTarget(snapshot: Snapshot, subnet: Subnet): string | undefined {
  return routeTableOf(snapshot, subnet)?.routes.find((r) => r.destinationCidr === '0.0.0.0/0')?.target;
}

/** ENIs worth a box of their own: databases, caches, … Lambda, NAT and endpoint ENIs are drawn as their owner. */
function isStandaloneEni(eni: NetworkInterface): boolean {
  const ownedTypes = ['lambda', 'nat_gateway', 'vpc_endpoint', 'gateway_load_balancer_endpoint'];
  const ownedDescriptions = ['AWS Lambda VPC ENI', 'VPC Endpoint Interface', 'Interface for NAT Gateway'];
  return !ownedTypes.includes(eni.interfaceType) && !ownedDescriptions.some((d) => eni.description.startsWith(d));
}

function shortService(serviceName: string): string {
  return serviceName.split('.').pop() ?? serviceName;
}

function functionDetail(fn: LambdaFunction): string {
  return ['Lambda', fn.runtime, `${fn.timeout} s`].filter(Boolean).join(' · ');
}

function placedSubnets(snapshot: Snapshot, fn: LambdaFunction): Subnet[] {
  const ids = fn.vpcConfig?.subnetIds ?? [];
  return snapshot.resources.subnets.filter((s) => ids.includes(s.id));
}

/** A VPC earns a box when it holds something serverless or a finding points into it. */
function vpcIsShown(snapshot: Snapshot, vpc: Vpc, referenced: ReadonlySet<string>): boolean {
  const r = snapshot.resources;
  const subnetIds = new Set(r.subnets.filter((s) => s.vpcId === vpc.id).map((s) => s.id));
  return (
    referenced.has(vpc.id) ||
    [...subnetIds].some((id) => referenced.has(id)) ||
    r.lambdaFunctions.some((f) => f.vpcConfig?.subnetIds.some((id) => subnetIds.has(id))) ||
    r.natGateways.some((n) => n.vpcId === vpc.id) ||
    r.vpcEndpoints.some((e) => e.vpcId === vpc.id) ||
    r.networkInterfaces.some((e) => e.vpcId === vpc.id && isStandaloneEni(e))
  );
}

export function addNetwork(scene: Scene, snapshot: Snapshot, referenced: ReadonlySet<string>): void {
  const r = snapshot.resources;
  for (const vpc of r.vpcs.filter((v) => vpcIsShown(snapshot, v, referenced))) {
    scene.addNode({
      id: vpc.id,
      resourceId: vpc.id,
      kind: 'vpc',
      label: vpc.name ?? vpc.id,
      detail: [vpc.isDefault ? 'default VPC' : 'VPC', vpc.name ? vpc.id : undefined, ...vpc.cidrBlocks].filter(Boolean).join(' · '),
    });
    for (const gw of [...r.internetGateways, ...r.egressOnlyInternetGateways].filter((g) => g.attachedVpcIds.includes(vpc.id))) {
      const egressOnly = gw.id.startsWith('eigw-');
      scene.addNode({
        id: gw.id,
        resourceId: gw.id,
        parent: vpc.id,
        kind: 'internet-gateway',
        label: gw.name ?? (egressOnly ? 'Egress-only IGW' : 'Internet gateway'),
        detail: gw.id,
      });
      scene.addNode({ id: 'internet', kind: 'internet', label: 'Internet' });
      scene.addEdge(gw.id, 'internet');
    }
    for (const ep of r.vpcEndpoints.filter((e) => e.vpcId === vpc.id)) {
      scene.addNode({
        id: ep.id,
        resourceId: ep.id,
        parent: vpc.id,
        kind: 'vpc-endpoint',
        label: ep.name ?? `${shortService(ep.serviceName)} endpoint`,
        detail: `${ep.type} endpoint · ${ep.id}`,
      });
    }
    for (const subnet of r.subnets.filter((s) => s.vpcId === vpc.id)) addSubnet(scene, snapshot, subnet, referenced);
  }
  // Functions outside any VPC (or whose subnets the snapshot does not hold) stand on their own.
  for (const fn of r.lambdaFunctions.filter((f) => placedSubnets(snapshot, f).length === 0)) {
    const unplaced = (fn.vpcConfig?.subnetIds.length ?? 0) > 0;
    scene.addNode({
      id: fn.id,
      resourceId: fn.id,
      kind: 'function',
      label: fn.name ?? fn.id,
      detail: unplaced ? 'Lambda · its VPC subnets are not in the snapshot' : functionDetail(fn),
    });
  }
  addEgressEdges(scene, snapshot);
}

function addSubnet(scene: Scene, snapshot: Snapshot, subnet: Subnet, referenced: ReadonlySet<string>): void {
  const r = snapshot.resources;
  const functions = r.lambdaFunctions.filter((f) => f.vpcConfig?.subnetIds.includes(subnet.id));
  const nats = r.natGateways.filter((n) => n.subnetId === subnet.id);
  const enis = r.networkInterfaces.filter((e) => e.subnetId === subnet.id && isStandaloneEni(e));
  if (functions.length + nats.length + enis.length === 0 && !referenced.has(subnet.id)) return;
  const publicSubnet = defaultRouteTarget(snapshot, subnet)?.startsWith('igw-') === true;
  scene.addNode({
    id: subnet.id,
    resourceId: subnet.id,
    parent: subnet.vpcId,
    kind: 'subnet',
    label: subnet.name ?? subnet.id,
    detail: [publicSubnet ? 'public subnet' : 'private subnet', subnet.cidrBlock, subnet.availabilityZone].join(' · '),
  });
  for (const nat of nats) {
    scene.addNode({
      id: nat.id,
      resourceId: nat.id,
      parent: subnet.id,
      kind: 'nat-gateway',
      label: nat.name ?? 'NAT gateway',
      detail: `${nat.id} · ${nat.state}`,
    });
  }
  for (const fn of functions) {
    scene.addNode({
      id: functionNodeId(fn.id, subnet.id),
      resourceId: fn.id,
      parent: subnet.id,
      kind: 'function',
      label: fn.name ?? fn.id,
      detail: functionDetail(fn),
    });
  }
  for (const eni of enis) {
    scene.addNode({
      id: eni.id,
      resourceId: eni.id,
      parent: subnet.id,
      kind: 'eni',
      label: eni.description || eni.id,
      detail: ['ENI', eni.privateIpAddress ?? eni.id].join(' · '),
    });
  }
}

/** Arrows for the way out: function and NAT → their subnet's default route target; endpoints a function needs. */
function addEgressEdges(scene: Scene, snapshot: Snapshot): void {
  const r = snapshot.resources;
  for (const subnet of r.subnets) {
    const target = defaultRouteTarget(snapshot, subnet);
    for (const fn of r.lambdaFunctions.filter((f) => f.vpcConfig?.subnetIds.includes(subnet.id))) {
      const from = functionNodeId(fn.id, subnet.id);
      if (target !== undefined) scene.addEdge(from, target);
      for (const need of fn.needs) {
        if (need.kind === 'aws-api') {
          const endpoint = r.vpcEndpoints.find((e) => e.vpcId === subnet.vpcId && shortService(e.serviceName) === need.service);
          if (endpoint) scene.addEdge(from, endpoint.id);
        } else if (need.kind === 'vpc-target' && need.targetId !== undefined) {
          scene.addEdge(from, need.targetId);
        }
      }
    }
    if (target !== undefined) for (const nat of r.natGateways.filter((n) => n.subnetId === subnet.id)) scene.addEdge(nat.id, target);
  }
}
