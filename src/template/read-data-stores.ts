// Data stores a function reaches inside its VPC (ElastiCache, MemoryDB, RDS, DocumentDB, EFS,
// OpenSearch): the model has no kind for them, so each becomes the network interfaces it puts in
// its subnets — as a scan sees them — one per subnet of its subnet group, with its security
// groups. A function that names one (an endpoint attribute in an environment variable) then has a
// `vpc-target` need the analysis can follow (DOMAIN.md item 7).
// https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VPCs.html
// https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
import { findResource, vpcIdOfSubnet } from './read-network';
import { modelId } from './resource-refs';
import { originOf, property } from './resource-common';
import type { TemplateContext, TemplateResource } from './template-context';
import { symbolic, valueNumber } from './values';

interface StoreShape {
  readonly label: string;
  /** Property naming a subnet group resource, or holding subnet ids itself. */
  readonly subnetGroup?: string;
  readonly subnetIds?: string;
  readonly securityGroups: string;
  defaultPort(engine: string): number;
}

const CACHE_PORT = (engine: string) => (engine.toLowerCase().startsWith('memcached') ? 11211 : 6379);
const RDS_PORT = (engine: string) => {
  const e = engine.toLowerCase();
  if (e.includes('postgres')) return 5432;
  if (e.startsWith('sqlserver')) return 1433;
  if (e.startsWith('oracle')) return 1521;
  return 3306;
};

const STORES: Readonly<Record<string, StoreShape>> = {
  'AWS::ElastiCache::CacheCluster': { label: 'ElastiCache', subnetGroup: 'CacheSubnetGroupName', securityGroups: 'VpcSecurityGroupIds', defaultPort: CACHE_PORT },
  'AWS::ElastiCache::ReplicationGroup': { label: 'ElastiCache', subnetGroup: 'CacheSubnetGroupName', securityGroups: 'SecurityGroupIds', defaultPort: CACHE_PORT },
  'AWS::ElastiCache::ServerlessCache': { label: 'ElastiCache Serverless', subnetIds: 'SubnetIds', securityGroups: 'SecurityGroupIds', defaultPort: CACHE_PORT },
  'AWS::MemoryDB::Cluster': { label: 'MemoryDB', subnetGroup: 'SubnetGroupName', securityGroups: 'SecurityGroupIds', defaultPort: () => 6379 },
  'AWS::RDS::DBInstance': { label: 'RDS', subnetGroup: 'DBSubnetGroupName', securityGroups: 'VPCSecurityGroups', defaultPort: RDS_PORT },
  'AWS::RDS::DBCluster': { label: 'RDS', subnetGroup: 'DBSubnetGroupName', securityGroups: 'VpcSecurityGroupIds', defaultPort: RDS_PORT },
  'AWS::RDS::DBProxy': { label: 'RDS Proxy', subnetIds: 'VpcSubnetIds', securityGroups: 'VpcSecurityGroupIds', defaultPort: RDS_PORT },
  'AWS::DocDB::DBCluster': { label: 'DocumentDB', subnetGroup: 'DBSubnetGroupName', securityGroups: 'VpcSecurityGroupIds', defaultPort: () => 27017 },
  'AWS::EFS::MountTarget': { label: 'EFS mount target', subnetIds: 'SubnetId', securityGroups: 'SecurityGroups', defaultPort: () => 2049 },
};

export interface DataStoreTarget {
  readonly targetId: string;
  readonly port: number;
}

const targets = new WeakMap<TemplateContext, Map<string, DataStoreTarget>>();

function subnetsOf(ctx: TemplateContext, resource: TemplateResource, shape: StoreShape): string[] {
  if (shape.subnetIds) return ctx.list(property(ctx, resource, shape.subnetIds)?.node);
  const groupNode = shape.subnetGroup ? property(ctx, resource, shape.subnetGroup)?.node : undefined;
  const group = ctx.resources.get(ctx.referencedLogicalId(groupNode) ?? '');
  // A subnet group that is not in the template: its subnets are not known.
  return group ? ctx.list(property(ctx, group, 'SubnetIds')?.node) : groupNode ? [symbolic(`subnets of ${ctx.text(groupNode) ?? 'subnet group'}`)] : [];
}

function readStore(ctx: TemplateContext, resource: TemplateResource, shape: StoreShape): void {
  const engine = ctx.text(property(ctx, resource, 'Engine')?.node) ?? ctx.text(property(ctx, resource, 'EngineFamily')?.node) ?? '';
  const port = valueNumber(ctx.evaluate(property(ctx, resource, 'Port')?.node)) ?? shape.defaultPort(engine);
  const groups = property(ctx, resource, shape.securityGroups);
  const securityGroupIds = ctx.list(groups?.node);
  const subnetIds = subnetsOf(ctx, resource, shape);
  const ids: string[] = [];
  subnetIds.forEach((subnetId, index) => {
    const id = `eni-${resource.logicalId}-${index + 1}`;
    ids.push(id);
    ctx.model.add(
      'networkInterfaces',
      {
        id,
        accountId: ctx.accountId,
        region: ctx.region,
        logicalId: resource.logicalId,
        vpcId: findResource(ctx, 'subnets', subnetId) ? vpcIdOfSubnet(ctx, subnetId) : symbolic(`VPC of ${subnetId}`),
        subnetId,
        securityGroupIds,
        interfaceType: 'interface',
        description: `${shape.label} ${modelId(ctx, resource)}`,
        status: 'in-use',
      },
      originOf(resource, { securityGroupIds: groups }),
    );
  });
  // The analysis finds every interface of the store by its logical id.
  if (ids.length > 0) targetsOf(ctx).set(resource.logicalId, { targetId: resource.logicalId, port });
}

function targetsOf(ctx: TemplateContext): Map<string, DataStoreTarget> {
  let map = targets.get(ctx);
  if (!map) {
    map = new Map();
    targets.set(ctx, map);
  }
  return map;
}

/** OpenSearch/Elasticsearch domains in a VPC put their ENIs in VPCOptions.SubnetIds. */
function readSearchDomain(ctx: TemplateContext, resource: TemplateResource): void {
  const options = property(ctx, resource, 'VPCOptions')?.node;
  if (!options) return;
  readStore(ctx, { ...resource, properties: options }, { label: 'OpenSearch', subnetIds: 'SubnetIds', securityGroups: 'SecurityGroupIds', defaultPort: () => 443 });
}

export function readDataStores(ctx: TemplateContext): void {
  for (const resource of ctx.resources.values()) {
    const shape = STORES[resource.type];
    if (shape) readStore(ctx, resource, shape);
    else if (resource.type === 'AWS::OpenSearchService::Domain' || resource.type === 'AWS::Elasticsearch::Domain') readSearchDomain(ctx, resource);
  }
}

/** The network target of a data store by logical id; EFS file systems and access points lead to their mount targets. */
export function dataStoreTarget(ctx: TemplateContext, logicalId: string): DataStoreTarget | undefined {
  const direct = targetsOf(ctx).get(logicalId);
  if (direct) return direct;
  const resource = ctx.resources.get(logicalId);
  if (resource?.type === 'AWS::EFS::AccessPoint') {
    const fileSystem = ctx.referencedLogicalId(property(ctx, resource, 'FileSystemId')?.node);
    return fileSystem ? dataStoreTarget(ctx, fileSystem) : undefined;
  }
  if (resource?.type === 'AWS::EFS::FileSystem') {
    const mount = ctx.ofType('AWS::EFS::MountTarget').find((m) => ctx.referencedLogicalId(property(ctx, m, 'FileSystemId')?.node) === logicalId);
    return mount ? targetsOf(ctx).get(mount.logicalId) : undefined;
  }
  return undefined;
}
