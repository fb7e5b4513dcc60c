// API Gateway integrations that invoke a Lambda function in the snapshot, grouped per API and
// function so a rule speaks once about "these routes of this API call that function".
// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integrations.html
import type { Api, ApiIntegration, LambdaFunction } from '../model/snapshot';
import type { SnapshotIndex } from './snapshot-index';

export interface FunctionIntegrations {
  readonly api: Api;
  readonly fn: LambdaFunction;
  readonly integrations: readonly ApiIntegration[];
}

/** "arn:aws:lambda:r:a:function:name:alias" → "arn:aws:lambda:r:a:function:name" (an alias or version shares the function's settings). */
export function unqualifiedFunctionArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

const cache = new WeakMap<SnapshotIndex, readonly FunctionIntegrations[]>();

/** Integrations whose function the snapshot holds; stage-variable ARNs ("${stageVariables.fn}") are skipped: unknown until run. */
export function functionIntegrations(index: SnapshotIndex): readonly FunctionIntegrations[] {
  let found = cache.get(index);
  if (!found) {
    const byArn = new Map(index.snapshot.resources.lambdaFunctions.map((fn) => [unqualifiedFunctionArn(fn.arn), fn]));
    const result: FunctionIntegrations[] = [];
    for (const api of index.snapshot.resources.apis) {
      const byFunction = new Map<LambdaFunction, ApiIntegration[]>();
      for (const integration of api.integrations) {
        if (!integration.functionArn || integration.functionArn.includes('${')) continue;
        const fn = byArn.get(unqualifiedFunctionArn(integration.functionArn));
        if (!fn) continue;
        byFunction.set(fn, [...(byFunction.get(fn) ?? []), integration]);
      }
      for (const [fn, integrations] of byFunction) result.push({ api, fn, integrations });
    }
    found = result;
    cache.set(index, found);
  }
  return found;
}

export function apiLabel(api: Api): string {
  const kind = api.protocol === 'REST' ? 'REST API' : api.protocol === 'HTTP' ? 'HTTP API' : 'WebSocket API';
  return `${kind} ${api.name ? `${api.name} (${api.id})` : api.id}`;
}
