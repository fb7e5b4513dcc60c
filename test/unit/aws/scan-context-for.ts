// A ScanContext pointed at a test endpoint, with the gaps it names collected for assertions.
import { ScanContext } from '../../../src/aws/scan-context';
import { AccountLimiter, CallCounter } from '../../../src/aws/service-limits';
import type { Gap } from '../../../src/model/snapshot';

export const ACCOUNT = '123456789012';

export function contextFor(endpoint: string, region: string): { ctx: ScanContext; gaps: Gap[]; counter: CallCounter } {
  const gaps: Gap[] = [];
  const counter = new CallCounter();
  const ctx = new ScanContext({
    target: { accountId: ACCOUNT, endpoint, credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' }, maxAttempts: 1 },
    signal: new AbortController().signal,
    limiter: new AccountLimiter(),
    counter,
    regions: [region],
    addGap: (gap) => gaps.push(gap),
    nameAccountInGaps: false,
  });
  return { ctx, gaps, counter };
}
