// npm run bench:template — checking a large SAM template: a generated ~3,500-line template with
// 120 VPC functions (public, NAT-backed and isolated subnets, endpoints, a cache and a database,
// REST and HTTP APIs, a custom domain), timed
//   1. in-process: the first check, then an incremental re-check after a one-line edit (what the
//      editor does on every keystroke, debounced);
//   2. as a whole process: `node dist/cli.js check` (build with `node scripts/build.mjs` first);
//   3. against cfn-lint on the same file in the same run, and the ratio printed.
// Targets (issue 5): < 50 ms per incremental re-check; ≥ 20× faster than cfn-lint as a process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { checkTemplate as CheckTemplate } from '../src/template/check-template';

const FUNCTIONS = 120;
const EDITS = 30;
const PROCESS_RUNS = 5;
const LINT_RUNS = 3;

function network(): string[] {
  const subnets = [
    ['PublicA', '0', 'MapPublicIpOnLaunch: true', 0], ['PublicB', '1', 'MapPublicIpOnLaunch: true', 1],
    ['PrivateA', '10', '', 0], ['PrivateB', '11', '', 1], ['IsolatedA', '20', '', 0], ['IsolatedB', '21', '', 1],
  ] as const;
  const lines = [
    '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.0.0.0/16', '      EnableDnsSupport: true', '      EnableDnsHostnames: true',
    '  Igw:', '    Type: AWS::EC2::InternetGateway',
    '  IgwAttachment:', '    Type: AWS::EC2::VPCGatewayAttachment', '    Properties:', '      VpcId: !Ref Vpc', '      InternetGatewayId: !Ref Igw',
  ];
  for (const [name, third, extra, az] of subnets) {
    lines.push(`  ${name}:`, '    Type: AWS::EC2::Subnet', '    Properties:', '      VpcId: !Ref Vpc', `      CidrBlock: 10.0.${third}.0/24`, `      AvailabilityZone: !Select [${az}, !GetAZs '']`);
    if (extra) lines.push(`      ${extra}`);
  }
  const table = (name: string, members: string[], route?: string) => {
    lines.push(`  ${name}:`, '    Type: AWS::EC2::RouteTable', '    Properties:', '      VpcId: !Ref Vpc');
    if (route) lines.push(`  ${name}Default:`, '    Type: AWS::EC2::Route', '    Properties:', `      RouteTableId: !Ref ${name}`, '      DestinationCidrBlock: 0.0.0.0/0', `      ${route}`);
    for (const m of members) lines.push(`  ${name}${m}:`, '    Type: AWS::EC2::SubnetRouteTableAssociation', '    Properties:', `      SubnetId: !Ref ${m}`, `      RouteTableId: !Ref ${name}`);
  };
  lines.push('  NatIp:', '    Type: AWS::EC2::EIP', '    Properties:', '      Domain: vpc');
  lines.push('  Nat:', '    Type: AWS::EC2::NatGateway', '    Properties:', '      AllocationId: !GetAtt NatIp.AllocationId', '      SubnetId: !Ref PublicA');
  table('PublicRoutes', ['PublicA', 'PublicB'], 'GatewayId: !Ref Igw');
  table('PrivateRoutes', ['PrivateA', 'PrivateB'], 'NatGatewayId: !Ref Nat');
  table('IsolatedRoutes', ['IsolatedA', 'IsolatedB']);
  lines.push(
    '  FunctionGroup:', '    Type: AWS::EC2::SecurityGroup', '    Properties:', '      GroupDescription: functions', '      VpcId: !Ref Vpc',
    '  EndpointGroup:', '    Type: AWS::EC2::SecurityGroup', '    Properties:', '      GroupDescription: endpoints', '      VpcId: !Ref Vpc',
    '      SecurityGroupIngress:', '        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref FunctionGroup}',
    '  DataGroup:', '    Type: AWS::EC2::SecurityGroup', '    Properties:', '      GroupDescription: data', '      VpcId: !Ref Vpc',
    '      SecurityGroupIngress:', '        - {IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !Ref FunctionGroup}',
    '        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FunctionGroup}',
    '  SecretsEndpoint:', '    Type: AWS::EC2::VPCEndpoint', '    Properties:', '      VpcId: !Ref Vpc', '      ServiceName: !Sub com.amazonaws.${AWS::Region}.secretsmanager',
    '      VpcEndpointType: Interface', '      PrivateDnsEnabled: true', '      SubnetIds: [!Ref IsolatedA, !Ref IsolatedB]', '      SecurityGroupIds: [!Ref EndpointGroup]',
    '  DynamoEndpoint:', '    Type: AWS::EC2::VPCEndpoint', '    Properties:', '      VpcId: !Ref Vpc', '      ServiceName: !Sub com.amazonaws.${AWS::Region}.dynamodb',
    '      RouteTableIds: [!Ref IsolatedRoutes]',
    '  CacheSubnets:', '    Type: AWS::ElastiCache::SubnetGroup', '    Properties:', '      Description: cache', '      SubnetIds: [!Ref PrivateA, !Ref PrivateB]',
    '  Cache:', '    Type: AWS::ElastiCache::CacheCluster', '    Properties:', '      Engine: redis', '      CacheNodeType: cache.t4g.small', '      NumCacheNodes: 1',
    '      CacheSubnetGroupName: !Ref CacheSubnets', '      VpcSecurityGroupIds: [!GetAtt DataGroup.GroupId]',
    '  DbSubnets:', '    Type: AWS::RDS::DBSubnetGroup', '    Properties:', '      DBSubnetGroupDescription: db', '      SubnetIds: [!Ref IsolatedA, !Ref IsolatedB]',
    '  Db:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres', '      DBInstanceClass: db.t4g.medium', '      AllocatedStorage: "50"',
    '      MasterUsername: app', '      ManageMasterUserPassword: true', '      DBSubnetGroupName: !Ref DbSubnets', '      VPCSecurityGroups: [!GetAtt DataGroup.GroupId]',
    '  DbSecret:', '    Type: AWS::SecretsManager::Secret',
    '  Orders:', '    Type: AWS::DynamoDB::Table', '    Properties:', '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]', '      KeySchema: [{AttributeName: id, KeyType: HASH}]',
    '  Api:', '    Type: AWS::Serverless::Api', '    Properties:', '      StageName: prod', '      Domain:', '        DomainName: api.shop.example.com',
    '        CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/1111', '        Route53: {HostedZoneId: Z0123456789ABCDEFGHIJ}',
    '  HttpApi:', '    Type: AWS::Serverless::HttpApi',
  );
  return lines;
}

/** Function i: a third each in private (NAT), isolated (endpoints) and — every tenth — public subnets. */
function fn(i: number): string[] {
  const placement = i % 10 === 0 ? '[!Ref PublicA, !Ref PublicB]' : i % 3 === 0 ? '[!Ref IsolatedA, !Ref IsolatedB]' : '[!Ref PrivateA, !Ref PrivateB]';
  const event = i % 2 === 0 ? ['          Type: Api', '          Properties:', '            RestApiId: !Ref Api', `            Path: /orders/f${i}`, '            Method: get'] : ['          Type: HttpApi', '          Properties:', '            ApiId: !Ref HttpApi', `            Path: /items/f${i}`, '            Method: post'];
  return [
    `  Function${i}:`, '    Type: AWS::Serverless::Function', '    Properties:', `      FunctionName: !Sub \${AWS::StackName}-f${i}`, `      CodeUri: src/f${i}/`,
    `      Handler: f${i}.handler`, `      Timeout: ${10 + (i % 15)}`, '      VpcConfig:', `        SubnetIds: ${placement}`, '        SecurityGroupIds: [!Ref FunctionGroup]',
    '      Environment:', '        Variables:', '          TABLE: !Ref Orders', '          REDIS_HOST: !GetAtt Cache.RedisEndpoint.Address',
    '          DB_HOST: !GetAtt Db.Endpoint.Address', '          DB_SECRET: !Ref DbSecret', `          NEXT_FUNCTION: !Ref Function${(i + 1) % FUNCTIONS}`,
    '      Policies:', '        - DynamoDBCrudPolicy:', '            TableName: !Ref Orders', '        - AWSSecretsManagerGetSecretValuePolicy:',
    '            SecretArn: !Ref DbSecret', '      Events:', '        Call:', ...event,
  ];
}

function generate(): string {
  const head = ['AWSTemplateFormatVersion: "2010-09-09"', 'Transform: AWS::Serverless-2016-10-31', 'Description: bench:template', 'Globals:', '  Function:', '    Runtime: python3.12', '    MemorySize: 512', 'Resources:'];
  return [...head, ...network(), ...Array.from({ length: FUNCTIONS }, (_, i) => fn(i)).flat(), ''].join('\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Wall time, and the children's CPU time (user + system), of a command run several times. */
function timeProcess(command: string, args: string[], runs: number): { median: number; cpu: number; status: number | null } {
  const times: number[] = [];
  const cpu: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync('/usr/bin/env', ['time', '-f', '%U %S', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - started);
    const [user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    cpu.push(((user ?? NaN) + (system ?? NaN)) * 1000);
    status = result.status;
    if (result.error) throw result.error;
  }
  return { median: median(times), cpu: median(cpu), status };
}

/**
 * The checker as the extension runs it: bundled by esbuild (running from sources through tsx
 * adds an accessor call to every cross-module reference, which is not what users run).
 */
function bundledChecker(dir: string): typeof CheckTemplate {
  const outfile = join(dir, 'check-template.js');
  buildSync({ entryPoints: [join(__dirname, '..', 'src', 'template', 'check-template.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return (createRequire(__filename)(outfile) as { checkTemplate: typeof CheckTemplate }).checkTemplate;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'snm-bench-template-'));
  const checkTemplate = bundledChecker(dir);
  const file = join(dir, 'template.yaml');
  const text = generate();
  writeFileSync(file, text);
  console.log(`template: ${file}: ${text.split('\n').length} lines, ${FUNCTIONS} VPC functions`);

  const options = { fileName: 'template.yaml', region: 'eu-west-1' };
  let started = performance.now();
  let cpu = process.cpuUsage();
  const first = checkTemplate(text, options);
  const firstMs = performance.now() - started;
  const firstCpu = cpuMs(process.cpuUsage(cpu));
  const errors = first.findings.filter((f) => f.severity === 'error').length;
  console.log(`in-process first check: ${ms(firstMs)} wall, ${ms(firstCpu)} CPU (${first.findings.length} findings, ${errors} errors)`);

  // Two kinds of one-line edit: one the analysis must see (a function's Timeout), and one it need
  // not (a handler name), each at a different function every time.
  const lines = text.split('\n');
  for (const [kind, pattern, change] of [
    ['Timeout', /^ {6}Timeout: \d+$/, (line: string, e: number) => line.replace(/\d+$/, String(5 + e))],
    ['Handler', /^ {6}Handler: f\d+\.handler$/, (line: string, e: number) => line.replace('.handler', `.handle${e}`)],
  ] as const) {
    const targets = lines.map((line, i) => [line, i] as const).filter(([line]) => pattern.test(line));
    const wall: number[] = [];
    const used: number[] = [];
    for (let e = 0; e < EDITS; e++) {
      const [line, index] = targets[(e * 7) % targets.length] ?? ['', 0];
      const edited = [...lines];
      edited[index] = change(line, e);
      const editedText = edited.join('\n');
      started = performance.now();
      cpu = process.cpuUsage();
      checkTemplate(editedText, options);
      wall.push(performance.now() - started);
      used.push(cpuMs(process.cpuUsage(cpu)));
    }
    console.log(`in-process re-check after a one-line ${kind} edit: median ${ms(median(wall))} wall (p95 ${ms(p95(wall))}), ${ms(median(used))} CPU, over ${EDITS} edits (target < 50 ms)`);
  }

  const cli = join(__dirname, '..', 'dist', 'cli.js');
  const sources = join(__dirname, '..', 'src', 'template', 'check-template.ts');
  if (!existsSync(cli) || statSync(cli).mtimeMs < statSync(sources).mtimeMs) {
    console.log('dist/cli.js is missing or older than the sources: run `node scripts/build.mjs` first');
    process.exitCode = 1;
    return;
  }
  const ours = timeProcess(process.execPath, [cli, 'check', file, '--region', 'eu-west-1', '--format', 'json'], PROCESS_RUNS);
  console.log(`process: node dist/cli.js check: median ${ms(ours.median)} wall, ${ms(ours.cpu)} CPU, over ${PROCESS_RUNS} runs (exit ${ours.status})`);
  const lint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (lint.error || lint.status !== 0) {
    console.log('cfn-lint not found: no comparison');
    return;
  }
  const theirs = timeProcess('cfn-lint', ['--regions', 'eu-west-1', '--', file], LINT_RUNS);
  console.log(`process: ${lint.stdout.trim()} on the same file: median ${ms(theirs.median)} wall, ${ms(theirs.cpu)} CPU, over ${LINT_RUNS} runs (exit ${theirs.status})`);
  console.log(`ratio: check is ${(theirs.median / ours.median).toFixed(1)}× faster than cfn-lint as a process in wall time, ${(theirs.cpu / ours.cpu).toFixed(1)}× in CPU time (target ≥ 20×)`);
}

main();
