// The scanner's service ids as a person reads them in progress, gaps and messages.
const NAMES: Readonly<Record<string, string>> = {
  sts: 'STS',
  ec2: 'EC2',
  lambda: 'Lambda',
  'lambda-policies': 'Lambda policies',
  iam: 'IAM',
  apigateway: 'API Gateway',
  apigatewayv2: 'API Gateway v2',
  acm: 'ACM',
  route53: 'Route 53',
};

export function serviceName(service: string): string {
  return NAMES[service] ?? service;
}

/** "EC2 ap-northeast-2", or just "Route 53" for a global service. */
export function serviceInRegion(service: string, region: string): string {
  return region === 'global' ? serviceName(service) : `${serviceName(service)} ${region}`;
}
