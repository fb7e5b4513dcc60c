// scanAccount: reads one or more accounts (one per profile or credential set) across regions into
// one Snapshot. Identities first (STS GetCallerIdentity, which needs no permission), then every
// account's collectors in parallel under per-account limits. Failures become gaps; cancellation
// rejects with ScanCancelledError; nothing is written here (see write-snapshot.ts).
import { setMaxListeners } from 'node:events';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { SNAPSHOT_VERSION, type Gap, type Resources, type Snapshot } from '../model/snapshot';
import { scanOneAccount, type AccountResources, type ScanProgressEvent } from './account-scan';
import { clientConfig } from './aws-target';
import { AccountIdentityError, NoCredentialsError, ScanCancelledError, ScanOptionsError, describeAwsError, isCredentialsError } from './errors';
import { tieLambdaEnis } from './lambda-enis';
import { profileEndpointUrl } from './profiles';
import { ScanContext, type ResolvedTarget } from './scan-context';
import { AccountLimiter, CallCounter, DEFAULT_LIMITS, meterPlugin, type ScanService, type ServiceLimit } from './service-limits';

export type { ScanProgressEvent } from './account-scan';
export type { ScanService } from './service-limits';

/** Whose account to read: a named profile, explicit credentials, or (neither) the default chain. */
export interface ScanTarget {
  profile?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Endpoint override for this target only (else ScanOptions.endpoint, else the profile's endpoint_url, else AWS). */
  endpoint?: string;
}

export interface ScanOptions {
  /** One target per account; default: one target on the default credential chain. */
  targets?: readonly ScanTarget[];
  /** Regions to read; global services (Route 53, IAM) are read once per account regardless. */
  regions: readonly string[];
  /** Endpoint override for every target (LocalStack, moto). */
  endpoint?: string;
  signal?: AbortSignal;
  onProgress?: (event: ScanProgressEvent) => void;
  /** The snapshot's clock (tests pin it). */
  now?: () => Date;
  /** SDK attempts per call (standard retry mode, backoff on throttling); default 3. */
  maxAttempts?: number;
  /** Overrides of the per-service rate and concurrency limits (DEFAULT_LIMITS). */
  limits?: Partial<Record<ScanService, ServiceLimit>>;
}

export interface ScanStats {
  /** HTTP requests sent, retries included. */
  apiCalls: number;
  callsByOperation: ReadonlyMap<string, number>;
}

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

type Located = { accountId: string; region: string; id: string };

/** One kind's resources from every account, in a stable order (account, region, id) so snapshots diff cleanly. */
function gather<T extends Located>(lists: readonly (T[] | undefined)[]): T[] {
  return lists
    .flatMap((list) => list ?? [])
    .sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region) || a.id.localeCompare(b.id));
}

function mergeResources(parts: readonly AccountResources[]): Resources {
  const lambdaFunctions = gather(parts.map((p) => p.lambdaFunctions));
  return {
    vpcs: gather(parts.map((p) => p.vpcs)),
    subnets: gather(parts.map((p) => p.subnets)),
    routeTables: gather(parts.map((p) => p.routeTables)),
    internetGateways: gather(parts.map((p) => p.internetGateways)),
    egressOnlyInternetGateways: gather(parts.map((p) => p.egressOnlyInternetGateways)),
    natGateways: gather(parts.map((p) => p.natGateways)),
    vpcEndpoints: gather(parts.map((p) => p.vpcEndpoints)),
    securityGroups: gather(parts.map((p) => p.securityGroups)),
    networkAcls: gather(parts.map((p) => p.networkAcls)),
    networkInterfaces: tieLambdaEnis(gather(parts.map((p) => p.networkInterfaces)), lambdaFunctions),
    lambdaFunctions,
    iamRoles: gather(parts.map((p) => p.iamRoles)),
    apis: gather(parts.map((p) => p.apis)),
    domainNames: gather(parts.map((p) => p.domainNames)),
    apiMappings: gather(parts.map((p) => p.apiMappings)),
    certificates: gather(parts.map((p) => p.certificates)),
    hostedZones: gather(parts.map((p) => p.hostedZones)),
    recordSets: gather(parts.map((p) => p.recordSets)),
    prefixLists: gather(parts.map((p) => p.prefixLists)),
    vpcPeeringConnections: gather(parts.map((p) => p.vpcPeeringConnections)),
    transitGatewayAttachments: gather(parts.map((p) => p.transitGatewayAttachments)),
  };
}

async function identify(target: ScanTarget, options: ScanOptions, signal: AbortSignal, counter: CallCounter): Promise<ResolvedTarget> {
  // One provider per target, shared by all its clients: the chain (SSO, credential_process, …) resolves once.
  const credentials = target.credentials ?? fromNodeProviderChain(target.profile ? { profile: target.profile } : {});
  const endpoint = target.endpoint ?? options.endpoint ?? (target.profile ? await profileEndpointUrl(target.profile) : undefined);
  const base = {
    ...(target.profile ? { profile: target.profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    credentials,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  };
  const sts = new STSClient(clientConfig({ region: options.regions[0] ?? 'us-east-1', ...base }));
  sts.middlewareStack.use(meterPlugin({ service: 'sts', region: 'global', limiter: new AccountLimiter(), counter, signal }));
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    if (!identity.Account) throw new AccountIdentityError(target.profile, 'STS returned no account id');
    return { accountId: identity.Account, ...base };
  } catch (error) {
    if (signal.aborted || error instanceof AccountIdentityError) throw error;
    if (isCredentialsError(error)) throw new NoCredentialsError(target.profile, describeAwsError(error));
    throw new AccountIdentityError(target.profile, describeAwsError(error));
  } finally {
    sts.destroy();
  }
}

/** Settles like `work`, or rejects with ScanCancelledError the moment the signal aborts. */
function cancellable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ScanCancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

async function scan(options: ScanOptions, signal: AbortSignal, counter: CallCounter): Promise<Snapshot> {
  const regions = [...new Set(options.regions)];
  const targets = options.targets && options.targets.length > 0 ? options.targets : [{}];
  const resolved = await Promise.all(targets.map((t) => identify(t, options, signal, counter)));
  // Two profiles of the same account are one account.
  const accounts = [...new Map(resolved.map((t) => [t.accountId, t])).values()];
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const gaps: Gap[] = [];
  const onProgress = (event: ScanProgressEvent): void => {
    try {
      options.onProgress?.(event);
    } catch {
      // A listener that throws (a closed progress bar) must not turn into a gap in the scan.
    }
  };
  const contexts = accounts.map(
    (target) =>
      new ScanContext({ target, signal, regions, limiter: new AccountLimiter(limits), counter, addGap: (gap) => gaps.push(gap), nameAccountInGaps: accounts.length > 1 }),
  );
  try {
    const parts = await Promise.all(contexts.map((ctx) => scanOneAccount(ctx, regions, onProgress)));
    const endpoints = new Set(accounts.map((a) => a.endpoint));
    const [onlyEndpoint] = endpoints;
    const profile = targets.length === 1 ? targets[0]?.profile : undefined;
    return {
      version: SNAPSHOT_VERSION,
      createdAt: (options.now ?? (() => new Date()))().toISOString(),
      source: { kind: 'scan', ...(profile ? { profile } : {}), ...(endpoints.size === 1 && onlyEndpoint ? { endpoint: onlyEndpoint } : {}) },
      accounts: accounts.map((a) => ({ id: a.accountId, ...(a.profile ? { profile: a.profile } : {}) })),
      regions,
      resources: mergeResources(parts),
      gaps: gaps.sort((a, b) => a.service.localeCompare(b.service) || a.region.localeCompare(b.region) || a.error.localeCompare(b.error)),
    };
  } finally {
    for (const ctx of contexts) ctx.destroy();
  }
}

/** scanAccount, plus how many API calls it made (for the benchmark and diagnostics). */
export async function scanAccountWithStats(options: ScanOptions): Promise<{ snapshot: Snapshot; stats: ScanStats }> {
  const invalid = options.regions.filter((r) => !REGION_NAME.test(r));
  if (options.regions.length === 0) throw new ScanOptionsError('no region to scan: pass at least one region (e.g. --region us-east-1)');
  if (invalid.length > 0) throw new ScanOptionsError(`not an AWS region name: ${invalid.map((r) => JSON.stringify(r)).join(', ')} (expected e.g. ap-northeast-2)`);
  if (options.signal?.aborted) throw new ScanCancelledError();
  // The scan's own signal: every in-flight request listens to it, far more than the default ten
  // listeners, and the caller's signal should not carry those.
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const forward = (): void => controller.abort(new ScanCancelledError());
  options.signal?.addEventListener('abort', forward, { once: true });
  const signal = controller.signal;
  const counter = new CallCounter();
  const work = scan(options, signal, counter);
  try {
    const snapshot = await cancellable(work, signal);
    return { snapshot, stats: { apiCalls: counter.total, callsByOperation: counter.byOperation } };
  } catch (error) {
    work.catch(() => undefined);
    if (signal.aborted) throw new ScanCancelledError();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
}

/** Reads the accounts of `options.targets` across `options.regions` into one Snapshot. */
export async function scanAccount(options: ScanOptions): Promise<Snapshot> {
  return (await scanAccountWithStats(options)).snapshot;
}
