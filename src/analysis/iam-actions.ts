// IAM action patterns as policies write them ("lambda:InvokeFunction", "sqs:Send*", "*"), and
// the AWS-managed policies SAM templates attach most, so a template role that only names
// AWSLambdaVPCAccessExecutionRole is read the same way as a scanned one whose document was read.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html

// Patterns repeat across thousands of roles; compiling each once keeps a large account fast.
const compiled = new Map<string, RegExp>();

const lowered = new Map<string, string>();

/** Trimmed and lower-cased, remembered: the same few hundred action strings come back for every role. */
function lower(text: string): string {
  let found = lowered.get(text);
  if (found === undefined) {
    found = text.trim().toLowerCase();
    if (lowered.size < 10_000) lowered.set(text, found);
  }
  return found;
}

/** IAM matches actions case-insensitively, with * and ? as wildcards. */
export function actionPatternMatches(pattern: string, action: string): boolean {
  if (pattern === action) return true;
  const p = lower(pattern);
  const a = lower(action);
  if (p === '*' || p === a) return true;
  if (!p.includes('*') && !p.includes('?')) return false;
  let regex = compiled.get(p);
  if (!regex) {
    regex = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    if (compiled.size < 10_000) compiled.set(p, regex);
  }
  return regex.test(a);
}

export function grantsAction(patterns: readonly string[], action: string): boolean {
  return patterns.some((p) => actionPatternMatches(p, action));
}

/** "sqs" from "sqs:SendMessage"; undefined for "*" (every service) or text without a prefix. */
export function serviceOfAction(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  if (colon <= 0) return undefined;
  const service = pattern.slice(0, colon).trim().toLowerCase();
  return service.includes('*') ? undefined : service;
}

export function isWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** The policy's name: the ARN's last path segment ("…:policy/service-role/AWSLambdaVPCAccessExecutionRole"). */
export function managedPolicyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

const ENI_ACTIONS = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'];
const BASIC_LOGS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];

/**
 * Actions of AWS-managed policies, as their default versions list them. PowerUserAccess allows
 * everything but IAM through NotAction; counted as "*" here, which is what matters for ENIs.
 */
const MANAGED_POLICY_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  AdministratorAccess: ['*'],
  PowerUserAccess: ['*'],
  AWSLambdaBasicExecutionRole: BASIC_LOGS,
  AWSLambdaVPCAccessExecutionRole: [...BASIC_LOGS, ...ENI_ACTIONS, 'ec2:DescribeSubnets'],
  AWSLambdaENIManagementAccess: ENI_ACTIONS,
  AWSXRayDaemonWriteAccess: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'],
  AWSLambdaSQSQueueExecutionRole: [...BASIC_LOGS, 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  AWSLambdaDynamoDBExecutionRole: [...BASIC_LOGS, 'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
  AWSLambdaKinesisExecutionRole: [...BASIC_LOGS, 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:ListStreams', 'kinesis:SubscribeToShard'],
  AWSLambdaRole: ['lambda:InvokeFunction'],
  AWSLambdaExecute: ['logs:*', 's3:GetObject', 's3:PutObject'],
  AmazonEC2FullAccess: ['ec2:*'],
  AmazonS3FullAccess: ['s3:*'],
  AmazonS3ReadOnlyAccess: ['s3:Get*', 's3:List*'],
  AmazonDynamoDBFullAccess: ['dynamodb:*'],
  AmazonDynamoDBReadOnlyAccess: ['dynamodb:BatchGetItem', 'dynamodb:Describe*', 'dynamodb:List*', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'],
  AmazonSQSFullAccess: ['sqs:*'],
  AmazonSNSFullAccess: ['sns:*'],
  SecretsManagerReadWrite: ['secretsmanager:*'],
  AmazonSSMReadOnlyAccess: ['ssm:Describe*', 'ssm:Get*', 'ssm:List*'],
};

/** The actions an AWS-managed policy allows, when it is one we know; undefined otherwise. */
export function managedPolicyActions(arn: string): readonly string[] | undefined {
  if (!arn.startsWith('arn:aws') || !arn.includes(':iam::aws:policy/')) return undefined;
  return MANAGED_POLICY_ACTIONS[managedPolicyName(arn)];
}

/**
 * Actions Lambda itself performs with the execution role, outside the function's network: ENI
 * management, the runtime's log delivery, X-Ray segments, the event source pollers (SQS,
 * DynamoDB and Kinesis streams), environment decryption. A role that allows only these says
 * nothing about what the function's code calls.
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html (execution role permissions)
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
 */
const SERVICE_SIDE_ACTIONS = new Set(
  [
    ...ENI_ACTIONS,
    'ec2:DescribeSubnets',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeVpcs',
    'ec2:DetachNetworkInterface',
    ...BASIC_LOGS,
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'sqs:ReceiveMessage',
    'sqs:DeleteMessage',
    'sqs:GetQueueAttributes',
    'sqs:ChangeMessageVisibility',
    'dynamodb:DescribeStream',
    'dynamodb:GetRecords',
    'dynamodb:GetShardIterator',
    'dynamodb:ListStreams',
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:ListShards',
    'kinesis:ListStreams',
    'kinesis:SubscribeToShard',
    'kms:Decrypt',
    'iam:PassRole',
  ].map((a) => a.toLowerCase()),
);

/**
 * Services whose "actions" are not API calls the function makes over the network: logs and
 * X-Ray go through Lambda's own channels, EC2 patterns on a Lambda role are there for its ENIs,
 * and rds-db / elasticache / elasticfilesystem / es grant IAM authentication to a data store the
 * function reaches inside the VPC, not an AWS API.
 */
const NOT_AN_API_CALL = new Set(['logs', 'xray', 'ec2', 'rds-db', 'elasticache', 'elasticfilesystem', 'es', 'aoss']);

const implied = new Map<string, boolean>();

/** True when an allowed action pattern means the function's own code calls that AWS API over the network. */
export function impliesApiCall(pattern: string): boolean {
  let answer = implied.get(pattern);
  if (answer === undefined) {
    const service = serviceOfAction(pattern);
    answer = service !== undefined && !NOT_AN_API_CALL.has(service) && !SERVICE_SIDE_ACTIONS.has(pattern.trim().toLowerCase());
    if (implied.size < 10_000) implied.set(pattern, answer);
  }
  return answer;
}

/** What Lambda needs on the execution role to create a VPC function's ENIs. */
export const REQUIRED_ENI_ACTIONS = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface'] as const;
export const VPC_ACCESS_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole';
