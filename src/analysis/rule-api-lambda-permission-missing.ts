// api-lambda-permission-missing: an API Gateway integration invokes a function whose resource
// policy does not let apigateway.amazonaws.com call lambda:InvokeFunction; API Gateway answers
// 500 for those routes. Only when the policy is known: a function whose policy the scan could not
// read (invokePrincipals absent) gets nothing. SAM adds the permission for Api/HttpApi events,
// not for integrations written by hand.
// https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integrations.html
import type { Finding } from '../model/finding';
import { apiLabel, functionIntegrations } from './api-integrations';
import { hop } from './hops';
import { functionLabel, functionResource } from './lambda-vpc';
import type { SnapshotIndex } from './snapshot-index';
import { listCapped, listWords } from './wording';

const API_GATEWAY = 'apigateway.amazonaws.com';

function allowsApiGateway(principals: readonly string[]): boolean {
  return principals.some((p) => p === '*' || p.toLowerCase() === API_GATEWAY);
}

export function apiLambdaPermissionMissing(index: SnapshotIndex): Finding[] {
  return functionIntegrations(index).flatMap(({ api, fn, integrations }) => {
    const principals = fn.invokePrincipals;
    if (principals === undefined || allowsApiGateway(principals)) return [];
    const who = principals.length === 0 ? 'lets no one invoke it' : `lets only ${listWords(principals)} invoke it`;
    const sourceArn = `arn:aws:execute-api:${api.region}:${api.accountId}:${api.id}/*`;
    const message =
      `${apiLabel(api)} invokes ${functionLabel(fn)} (${listCapped(integrations, (i) => i.route)}), but the function's resource policy ${who}, not ${API_GATEWAY}, ` +
      `so API Gateway answers 500 Internal Server Error on those routes (unless the integration calls with an IAM role of its own). ` +
      `Fix: add an AWS::Lambda::Permission for lambda:InvokeFunction with Principal ${API_GATEWAY} and SourceArn ${sourceArn}, ` +
      `or declare the routes as Api/HttpApi events of the function so SAM adds it.`;
    const finding: Finding = {
      code: 'api-lambda-permission-missing',
      severity: 'error',
      message,
      resource: functionResource(fn),
      hops: [hop('api', api.id, true), hop('lambda-function', fn.id, false, `resource policy does not allow ${API_GATEWAY}`)],
      fix: { kind: 'add-lambda-permission', functionId: fn.id, principal: API_GATEWAY, sourceArn },
    };
    return [finding];
  });
}
