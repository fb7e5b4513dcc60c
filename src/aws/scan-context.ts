// What every collector gets: the account it reads, SDK clients built from one AwsTarget and metered
// under the service's limits, the cancel signal to pass on every call, and a place to name what it
// could not read. One context per account; clients are made once per service and region.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, MiddlewareStack } from '@smithy/types';
import type { Gap } from '../model/snapshot';
import { clientConfig, type ClientConfig } from './aws-target';
import { describeAwsError } from './errors';
import { meterPlugin, type AccountLimiter, type CallCounter, type ScanService } from './service-limits';

/** The region name the model uses for account-wide services (Route 53, IAM). */
export const GLOBAL = 'global';

export interface ResolvedTarget {
  accountId: string;
  profile?: string;
  endpoint?: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  maxAttempts?: number;
}

/** Just enough of an SDK v3 client to close it. */
export interface Closable {
  destroy(): void;
}

export interface ContextOptions {
  target: ResolvedTarget;
  signal: AbortSignal;
  limiter: AccountLimiter;
  counter: CallCounter;
  /** Regions asked for; the first decides the partition of the global services. */
  regions: readonly string[];
  addGap(gap: Gap): void;
  /** Prefix gap messages with the account id (when a snapshot holds several accounts). */
  nameAccountInGaps: boolean;
}

/** The region that serves a partition's global endpoints (IAM, Route 53) and EDGE certificates. */
export function homeRegionOf(region: string | undefined): string {
  if (region?.startsWith('cn-')) return 'cn-northwest-1';
  if (region?.startsWith('us-gov-')) return 'us-gov-west-1';
  return 'us-east-1';
}

export class ScanContext {
  private readonly clients = new Map<string, Closable>();
  /** Passed as the options of every `send` and paginator, so a cancel aborts requests in flight. */
  readonly sendOptions: { abortSignal: AbortSignal };
  readonly homeRegion: string;

  constructor(private readonly options: ContextOptions) {
    this.sendOptions = { abortSignal: options.signal };
    this.homeRegion = homeRegionOf(options.regions[0]);
  }

  get accountId(): string {
    return this.options.target.accountId;
  }

  get signal(): AbortSignal {
    return this.options.signal;
  }

  /** The SDK client for a service in a region ("global" means the partition's home region), made once. */
  client<I extends object, O extends object, C extends Closable>(
    service: ScanService,
    region: string,
    make: (config: ClientConfig) => C & { middlewareStack: MiddlewareStack<I, O> },
  ): C {
    const key = `${service}|${region}`;
    const existing = this.clients.get(key);
    if (existing) return existing as C;
    const { target, limiter, counter, signal } = this.options;
    const config = clientConfig({
      region: region === GLOBAL ? this.homeRegion : region,
      ...(target.profile ? { profile: target.profile } : {}),
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      credentials: target.credentials,
      ...(target.maxAttempts ? { maxAttempts: target.maxAttempts } : {}),
    });
    const client = make(config);
    client.middlewareStack.use(meterPlugin<I, O>({ service, region, limiter, counter, signal }));
    this.clients.set(key, client);
    return client;
  }

  /** Names something that could not be read; the rest of the scan goes on. */
  gap(service: ScanService, region: string, error: unknown, what?: string): void {
    const account = this.options.nameAccountInGaps ? `account ${this.accountId}: ` : '';
    const context = what ? `could not read ${what}: ` : '';
    this.options.addGap({ service, region, error: `${account}${context}${describeAwsError(error)}` });
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
