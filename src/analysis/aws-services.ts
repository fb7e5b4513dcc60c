// Names of AWS services as a need spells them (the IAM action prefix, e.g. "lambda" from
// lambda:InvokeFunction) versus as VPC endpoints spell them (com.amazonaws.<region>.<service>).
// https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html

/** IAM prefixes whose endpoint service has another name. */
const ENDPOINT_NAME_BY_IAM_PREFIX: Readonly<Record<string, string>> = {
  cloudwatch: 'monitoring',
  kinesis: 'kinesis-streams',
  firehose: 'kinesis-firehose',
  ses: 'email',
};

const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  lambda: 'Lambda',
  secretsmanager: 'Secrets Manager',
  sqs: 'SQS',
  sns: 'SNS',
  sts: 'STS',
  s3: 'S3',
  dynamodb: 'DynamoDB',
  kms: 'KMS',
  ssm: 'Systems Manager',
  states: 'Step Functions',
  events: 'EventBridge',
  logs: 'CloudWatch Logs',
  monitoring: 'CloudWatch',
  'execute-api': 'API Gateway (execute-api)',
};

/**
 * S3 and DynamoDB are also served by gateway endpoints, which work through route tables
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html).
 */
export const GATEWAY_ENDPOINT_SERVICES: ReadonlySet<string> = new Set(['s3', 'dynamodb']);

/** The endpoint-style short name ("lambda", "monitoring") of a need's service. */
const serviceKeys = new Map<string, string>();

export function endpointServiceKey(service: string): string {
  let found = serviceKeys.get(service);
  if (found === undefined) {
    const key = service.trim().toLowerCase().replace(/^com\.amazonaws\.[a-z0-9-]+\./, '').replace(/\.amazonaws\.com$/, '');
    found = ENDPOINT_NAME_BY_IAM_PREFIX[key] ?? key;
    if (serviceKeys.size < 10_000) serviceKeys.set(service, found);
  }
  return found;
}

/** com.amazonaws.<region>.<service>, the name interface and gateway endpoints carry. */
export function endpointServiceName(region: string, service: string): string {
  return `com.amazonaws.${region}.${endpointServiceKey(service)}`;
}

/** The host name the AWS SDKs call by default, which private DNS must take over. */
export function defaultApiHostName(region: string, service: string): string {
  return `${endpointServiceKey(service)}.${region}.amazonaws.com`;
}

export function serviceDisplayName(service: string): string {
  const key = endpointServiceKey(service);
  return DISPLAY_NAMES[key] ?? key;
}
