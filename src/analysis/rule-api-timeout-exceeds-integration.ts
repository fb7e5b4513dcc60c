// api-timeout-exceeds-integration: a function behind API Gateway may run longer than the API
// waits for it. REST and WebSocket integrations time out at 29 s by default (50 ms–29 s; a
// regional or private REST API may raise it by quota), HTTP APIs at 30 s. A request that runs
// longer gets 504 while the function runs on — and keeps whatever it holds (a DB lock).
// A warning: only the slow requests fail.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
import type { Finding } from '../model/finding';
import type { Api, ApiIntegration } from '../model/snapshot';
import { apiLabel, functionIntegrations } from './api-integrations';
import { hop } from './hops';
import { functionLabel, functionResource } from './lambda-vpc';
import type { SnapshotIndex } from './snapshot-index';
import { listCapped } from './wording';

const DEFAULT_TIMEOUT_MS: Readonly<Record<Api['protocol'], number>> = { REST: 29_000, HTTP: 30_000, WEBSOCKET: 29_000 };

function integrationTimeoutMs(api: Api, integration: ApiIntegration): number {
  return integration.timeoutMs ?? DEFAULT_TIMEOUT_MS[api.protocol];
}

function seconds(ms: number): string {
  return Number.isInteger(ms / 1000) ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function apiTimeoutExceedsIntegration(index: SnapshotIndex): Finding[] {
  return functionIntegrations(index).flatMap(({ api, fn, integrations }) => {
    const fnMs = fn.timeout * 1000;
    const short = integrations.filter((i) => integrationTimeoutMs(api, i) < fnMs);
    if (short.length === 0) return [];
    const limitMs = Math.min(...short.map((i) => integrationTimeoutMs(api, i)));
    // End before API Gateway gives up, so the caller gets the function's own answer, not a 504.
    const suggested = Math.max(1, Math.ceil(limitMs / 1000) - 1);
    const routes = listCapped(short, (i) => i.route);
    const message =
      `${functionLabel(fn)} has a ${fn.timeout} s timeout, but ${apiLabel(api)} stops waiting for it after ${seconds(limitMs)} (${routes}): ` +
      `a request that runs longer gets 504 Gateway Timeout while the function keeps running (and keeps anything it holds, such as a lock). ` +
      `Fix: set the function's Timeout to ${suggested} s or less, or answer early and move the long work to an asynchronous path (a queue, Step Functions).`;
    const finding: Finding = {
      code: 'api-timeout-exceeds-integration',
      severity: 'warning',
      message,
      resource: functionResource(fn),
      hops: [hop('api', api.id, false, `integration timeout ${seconds(limitMs)} < function timeout ${fn.timeout} s`), hop('lambda-function', fn.id, true)],
      fix: { kind: 'set-function-timeout', functionId: fn.id, seconds: suggested },
    };
    return [finding];
  });
}
