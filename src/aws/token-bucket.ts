// Client-side rate limiting shaped like AWS's own: EC2 and Route 53 document their API limits as
// token buckets (a burst capacity refilled at a steady rate; docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html,
// docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html). A windowed
// throttle would make the 101st DescribeVpcAttribute wait a whole window where AWS lets it through
// 50 ms later, so the scanner meters with the same algorithm the services use.

export interface BucketShape {
  /** Tokens available at once (the burst). */
  capacity: number;
  /** Tokens added per second, up to the capacity (the sustained rate). */
  refillPerSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly shape: BucketShape,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = shape.capacity;
    this.updatedAt = now();
  }

  /**
   * Takes one token and returns how many milliseconds the caller must wait before using it. Tokens
   * may go negative: each caller reserves the next token to arrive, so waiters are served in order.
   */
  reserve(): number {
    const now = this.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.shape.capacity, this.tokens + elapsed * this.shape.refillPerSecond);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.shape.refillPerSecond) * 1000;
  }

  /** Waits for a token; rejects with the signal's reason if the scan is cancelled while waiting. */
  async take(signal?: AbortSignal): Promise<void> {
    const wait = this.reserve();
    if (wait <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, wait);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
