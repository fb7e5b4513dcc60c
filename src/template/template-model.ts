// The model a template becomes: resources in the same lists a scan fills, plus where each came
// from in the text (its logical id and named spots such as `subnetIds`), so a finding about a
// resource can be put on the node that must change.
import type { ResourceKind, Resources } from '../model/snapshot';
import type { Span } from './source-text';

export type ResourceOf<K extends ResourceKind> = Resources[K][number];

/** Named spots of a resource in the text; `resource` (the logical id's key) is always there. */
export type Anchors = Map<string, Span>;

export interface ResourceOrigin {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly logicalId: string;
  readonly anchors: Anchors;
}

/**
 * Every resource kind of the model, in the schema's order. Written out rather than read from the
 * zod schema, so checking a template never loads zod (a large part of the CLI's start-up); the
 * Record type makes a kind added to the schema a compile error here until it is listed, and a
 * unit test holds the order to the schema's.
 */
const KIND_LIST: Record<ResourceKind, true> = {
  vpcs: true,
  subnets: true,
  routeTables: true,
  internetGateways: true,
  egressOnlyInternetGateways: true,
  natGateways: true,
  vpcEndpoints: true,
  securityGroups: true,
  networkAcls: true,
  networkInterfaces: true,
  lambdaFunctions: true,
  iamRoles: true,
  apis: true,
  domainNames: true,
  apiMappings: true,
  certificates: true,
  hostedZones: true,
  recordSets: true,
  prefixLists: true,
  vpcPeeringConnections: true,
  transitGatewayAttachments: true,
};
const KINDS = Object.keys(KIND_LIST) as ResourceKind[];

function emptyResources(): Resources {
  const lists: Partial<Record<ResourceKind, unknown[]>> = {};
  for (const kind of KINDS) lists[kind] = [];
  return lists as Resources;
}

const keyOf = (kind: ResourceKind, id: string): string => `${kind}\u0000${id}`;

export class TemplateModel {
  readonly resources: Resources = emptyResources();
  private readonly byKey = new Map<string, unknown>();
  private readonly origins = new Map<string, ResourceOrigin>();
  /** Account resources the template changes (a route added to an existing table): copies that replace the originals. */
  readonly adopted = new Set<string>();

  /** Adds a resource; the first one with an id wins, as in the analysis' own index. */
  add<K extends ResourceKind>(kind: K, resource: ResourceOf<K>, origin?: { logicalId: string; anchors: Anchors }): ResourceOf<K> {
    const key = keyOf(kind, resource.id);
    const existing = this.byKey.get(key) as ResourceOf<K> | undefined;
    if (existing) return existing;
    (this.resources[kind] as ResourceOf<K>[]).push(resource);
    this.byKey.set(key, resource);
    if (origin) this.origins.set(key, { kind, id: resource.id, logicalId: origin.logicalId, anchors: origin.anchors });
    return resource;
  }

  /** Takes a copy of an account resource into the template's model so the template can add to it. */
  adopt<K extends ResourceKind>(kind: K, resource: ResourceOf<K>): ResourceOf<K> {
    const existing = this.get(kind, resource.id);
    if (existing) return existing;
    this.adopted.add(keyOf(kind, resource.id));
    return this.add(kind, structuredClone(resource));
  }

  get<K extends ResourceKind>(kind: K, id: string): ResourceOf<K> | undefined {
    return this.byKey.get(keyOf(kind, id)) as ResourceOf<K> | undefined;
  }

  origin(kind: ResourceKind, id: string): ResourceOrigin | undefined {
    return this.origins.get(keyOf(kind, id));
  }

  allOrigins(): IterableIterator<ResourceOrigin> {
    return this.origins.values();
  }

  isAdopted(kind: ResourceKind, id: string): boolean {
    return this.adopted.has(keyOf(kind, id));
  }
}

export const RESOURCE_KINDS = KINDS;
