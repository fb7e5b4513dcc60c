// Each service's published request limits, and the middleware that keeps every scanner call under
// them. The meter sits after the SDK's retry middleware, so each attempt (retries included) waits
// for a token and a concurrency slot — a retry storm cannot outrun the limit it was throttled by.
import pLimit, { type LimitFunction } from 'p-limit';
import type { FinalizeRequestMiddleware, Pluggable } from '@smithy/types';
import { tagOperation } from './errors';
import { TokenBucket, type BucketShape } from './token-bucket';

export type ScanService = 'sts' | 'ec2' | 'lambda' | 'lambda-policies' | 'iam' | 'apigateway' | 'apigatewayv2' | 'acm' | 'route53';

export interface ServiceLimit extends BucketShape {
  /** One bucket per API operation (EC2) rather than one for the whole service. */
  perOperation: boolean;
  /** Requests in flight at once, per account and region. */
  concurrency: number;
  /** Services that share one bucket (API Gateway v1 and v2 share the control-plane limit). */
  bucketGroup?: string;
}

/**
 * Defaults from the services' documentation (DOMAIN.md, "Page sizes and rate limits"):
 * - EC2: non-mutating actions, bucket 100 refilled at 20/s, per API per region (ec2-api-throttling).
 * - Lambda: control-plane calls (ListFunctions, GetPolicy) share 15 requests/s (gettingstarted-limits).
 * - API Gateway: control plane 10 requests/s, burst 40, per account and region, v1 and v2 alike (limits).
 * - ACM: ListCertificates 8/s, DescribeCertificate 10/s (acm/latest/userguide/acm-limits).
 * - Route 53: one account-wide bucket of 50 refilled at 10/s (throttling-api-requests); global, so capped hardest.
 * - IAM: no published read rate; a conservative 10/s keeps GetAccountAuthorizationDetails polite.
 */
export const DEFAULT_LIMITS: Record<ScanService, ServiceLimit> = {
  sts: { capacity: 10, refillPerSecond: 10, perOperation: false, concurrency: 4 },
  ec2: { capacity: 100, refillPerSecond: 20, perOperation: true, concurrency: 16 },
  lambda: { capacity: 15, refillPerSecond: 15, perOperation: false, concurrency: 8, bucketGroup: 'lambda' },
  'lambda-policies': { capacity: 15, refillPerSecond: 15, perOperation: false, concurrency: 8, bucketGroup: 'lambda' },
  apigateway: { capacity: 40, refillPerSecond: 10, perOperation: false, concurrency: 8, bucketGroup: 'apigateway' },
  apigatewayv2: { capacity: 40, refillPerSecond: 10, perOperation: false, concurrency: 8, bucketGroup: 'apigateway' },
  acm: { capacity: 8, refillPerSecond: 8, perOperation: true, concurrency: 8 },
  route53: { capacity: 50, refillPerSecond: 10, perOperation: false, concurrency: 5 },
  iam: { capacity: 10, refillPerSecond: 10, perOperation: false, concurrency: 4 },
};

/** Counts requests per operation (every HTTP attempt), for progress and the benchmark. */
export class CallCounter {
  readonly byOperation = new Map<string, number>();
  total = 0;
  record(service: string, operation: string): void {
    const key = `${service}:${operation}`;
    this.byOperation.set(key, (this.byOperation.get(key) ?? 0) + 1);
    this.total += 1;
  }
}

/** Buckets and concurrency slots for one account: keyed by service (or its group), region and, for EC2, operation. */
export class AccountLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly slots = new Map<string, LimitFunction>();

  constructor(private readonly limits: Record<ScanService, ServiceLimit> = DEFAULT_LIMITS) {}

  bucket(service: ScanService, region: string, operation: string): TokenBucket {
    const limit = this.limits[service];
    const key = `${limit.bucketGroup ?? service}|${region}|${limit.perOperation ? operation : '*'}`;
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(limit)));
    return bucket;
  }

  slot(service: ScanService, region: string): LimitFunction {
    const limit = this.limits[service];
    const key = `${limit.bucketGroup ?? service}|${region}`;
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = pLimit(limit.concurrency)));
    return slot;
  }
}

export interface MeterOptions {
  service: ScanService;
  region: string;
  limiter: AccountLimiter;
  counter: CallCounter;
  signal: AbortSignal;
}

function operationName(commandName: string | undefined): string {
  return (commandName ?? 'UnknownOperation').replace(/Command$/, '');
}

/** The plugin every scanner client gets: rate limit, concurrency cap, call count, and the failing operation's name on errors. */
export function meterPlugin<Input extends object, Output extends object>(options: MeterOptions): Pluggable<Input, Output> {
  const { service, region, limiter, counter, signal } = options;
  const meter: FinalizeRequestMiddleware<Input, Output> = (next, context) => async (args) => {
    const operation = operationName(context.commandName);
    if (signal.aborted) throw signal.reason;
    await limiter.bucket(service, region, operation).take(signal);
    return limiter.slot(service, region)(() => {
      if (signal.aborted) throw signal.reason;
      counter.record(service, operation);
      return next(args);
    });
  };
  return {
    applyToStack(stack) {
      stack.addRelativeTo(meter, { relation: 'after', toMiddleware: 'retryMiddleware', name: 'snmMeter', override: true });
      stack.add(
        (next, context) => async (args) => {
          try {
            return await next(args);
          } catch (error) {
            tagOperation(error, operationName(context.commandName));
            throw error;
          }
        },
        { step: 'initialize', priority: 'high', name: 'snmTagOperation', override: true },
      );
    },
  };
}
