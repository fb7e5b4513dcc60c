// npm run bench:analysis — the whole analysis of a large synthetic account, in-process: 2,000
// functions over 10 VPCs (public, NAT-backed and isolated subnets, custom NACLs, interface and
// gateway endpoints, caches and databases behind security groups), each function with declared
// needs, SAM-style permissions and an execution role, a third of them behind APIs. Two mixes: a
// typical account (about one function in ten has a finding) and a broken one (most functions have
// one or two, so message building dominates). Seeded: every run analyses the same snapshots.
// Target: the typical account's whole analysis under 200 ms.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze } from '../src/analysis/analyze';
import { snapshotSchema, type Snapshot } from '../src/model/snapshot';
import { seeded, type Random } from '../test/builders/random';

const FUNCTIONS = 2000;
const VPCS = 10;
const RUNS = 15;
const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-2';
const here = { accountId: ACCOUNT, region: REGION };

type Resources = Record<string, unknown[]>;

function push(resources: Resources, kind: string, item: unknown): void {
  (resources[kind] ??= []).push(item);
}

/** One VPC: 2 public, 3 private (NAT), 1 isolated subnet; a cache and a database; endpoints on some. */
interface Mix {
  readonly name: string;
  /** Share of functions placed in public subnets, half public, or an isolated subnet. */
  readonly misplaced: number;
  /** Share of functions whose group allows only 443 out (so caches and databases are blocked). */
  readonly narrowGroup: number;
  /** VPCs whose third private subnet's NACL takes back only part of the ephemeral range. */
  readonly narrowAcl: (v: number) => boolean;
  readonly brokenNat: (v: number) => boolean;
  readonly longTimeout: number;
}

const TYPICAL: Mix = { name: 'typical', misplaced: 0.06, narrowGroup: 0.02, narrowAcl: (v) => v === 5, brokenNat: (v) => v === 7, longTimeout: 0.05 };
const BROKEN: Mix = { name: 'broken', misplaced: 0.3, narrowGroup: 0.2, narrowAcl: () => true, brokenNat: (v) => v === 3 || v === 7, longTimeout: 0.5 };

function buildVpc(resources: Resources, v: number, random: Random, mix: Mix): { privates: string[]; publics: string[]; isolated: string; groups: string[]; targets: string[] } {
  const vpcId = `vpc-${v}`;
  const base = `10.${v}`;
  push(resources, 'vpcs', { ...here, id: vpcId, cidrBlocks: [`${base}.0.0/16`], enableDnsSupport: true, enableDnsHostnames: true });
  push(resources, 'internetGateways', { ...here, id: `igw-${v}`, attachedVpcIds: [vpcId] });
  const subnet = (id: string, third: number, az: string) => push(resources, 'subnets', { ...here, id, vpcId, cidrBlock: `${base}.${third}.0/24`, availabilityZone: `${REGION}${az}` });
  const publics = [`subnet-${v}-pub-a`, `subnet-${v}-pub-c`];
  const privates = [`subnet-${v}-priv-a`, `subnet-${v}-priv-b`, `subnet-${v}-priv-c`];
  const isolated = `subnet-${v}-iso-a`;
  publics.forEach((id, i) => subnet(id, i, i === 0 ? 'a' : 'c'));
  privates.forEach((id, i) => subnet(id, 10 + i, ['a', 'b', 'c'][i] ?? 'a'));
  subnet(isolated, 20, 'a');
  const natState = mix.brokenNat(v) && v % 2 === 1 && v !== 7 ? 'failed' : 'available';
  push(resources, 'natGateways', { ...here, id: `nat-${v}`, vpcId, subnetId: publics[0], state: natState, connectivity: 'public' });
  const local = { destinationCidr: `${base}.0.0/16`, target: 'local', origin: 'table' };
  push(resources, 'routeTables', { ...here, id: `rtb-${v}-main`, vpcId, main: true, subnetIds: [isolated], routes: [local] });
  push(resources, 'routeTables', { ...here, id: `rtb-${v}-pub`, vpcId, main: false, subnetIds: publics, routes: [local, { destinationCidr: '0.0.0.0/0', target: `igw-${v}` }] });
  const privateRoutes = [
    local,
    { destinationCidr: '0.0.0.0/0', target: mix.brokenNat(v) && v === 7 ? 'nat-gone' : `nat-${v}`, state: mix.brokenNat(v) && v === 7 ? 'blackhole' : 'active' },
    { destinationPrefixListId: 'pl-s3', target: `vpce-${v}-s3` },
    ...Array.from({ length: 20 }, (_, i) => ({ destinationCidr: `172.${16 + (i % 16)}.${i}.0/24`, target: `tgw-${v}`, origin: i % 2 ? 'propagated' : 'static' })),
  ];
  push(resources, 'routeTables', { ...here, id: `rtb-${v}-priv`, vpcId, main: false, subnetIds: privates, routes: privateRoutes });
  push(resources, 'vpcEndpoints', { ...here, id: `vpce-${v}-s3`, vpcId, serviceName: `com.amazonaws.${REGION}.s3`, type: 'Gateway', routeTableIds: [`rtb-${v}-priv`] });
  if (v % 2 === 0) {
    push(resources, 'vpcEndpoints', {
      ...here,
      id: `vpce-${v}-sqs`,
      vpcId,
      serviceName: `com.amazonaws.${REGION}.sqs`,
      type: 'Interface',
      privateDnsEnabled: true,
      subnetIds: privates,
      securityGroupIds: [`sg-${v}-endpoint`],
    });
  }
  const groups = Array.from({ length: 5 }, (_, g) => `sg-${v}-fn-${g}`);
  for (const id of groups) {
    const egress = id.endsWith('-4') ? [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'] }] : [{ protocol: '-1', cidrs: ['0.0.0.0/0'] }];
    push(resources, 'securityGroups', { ...here, id, vpcId, groupName: id, ingress: [], egress });
  }
  push(resources, 'securityGroups', {
    ...here,
    id: `sg-${v}-endpoint`,
    vpcId,
    groupName: 'endpoint',
    ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, securityGroupIds: groups.slice(0, 4) }],
    egress: [],
  });
  const targets: string[] = [];
  for (const [name, port, subnetId] of [['cache', 6379, privates[1]], ['db', 5432, privates[2]]] as const) {
    const sg = `sg-${v}-${name}`;
    push(resources, 'securityGroups', { ...here, id: sg, vpcId, groupName: sg, ingress: [{ protocol: 'tcp', fromPort: port, toPort: port, securityGroupIds: groups.slice(0, mix === BROKEN ? 3 : 4) }], egress: [] });
    const eni = `eni-${v}-${name}`;
    push(resources, 'networkInterfaces', { ...here, id: eni, vpcId, subnetId, securityGroupIds: [sg], interfaceType: 'interface', description: `ElastiCache ${name}-${v}`, privateIpAddress: `${base}.${name === 'cache' ? 11 : 12}.${10 + random.int(0, 200)}` });
    targets.push(eni);
  }
  const allow = (n: number, egress: boolean, ports?: [number, number]) => ({ ruleNumber: n, egress, protocol: ports ? '6' : '-1', action: 'allow', cidr: '0.0.0.0/0', ...(ports ? { fromPort: ports[0], toPort: ports[1] } : {}) });
  const narrow = mix.narrowAcl(v);
  push(resources, 'networkAcls', { ...here, id: `acl-${v}-default`, vpcId, isDefault: true, subnetIds: [...publics, privates[0], privates[1], isolated, ...(narrow ? [] : [privates[2]])], entries: [allow(100, false), allow(100, true)] });
  // The third private subnet takes back only part of the ephemeral range.
  if (narrow) push(resources, 'networkAcls', { ...here, id: `acl-${v}-app`, vpcId, isDefault: false, subnetIds: [privates[2]], entries: [allow(100, true), allow(100, false, [32768, 65535]), { ...allow(110, false, [5432, 6379]), cidr: `${base}.0.0/16` }] });
  return { privates, publics, isolated, groups, targets };
}

const POLICIES = [
  { actions: ['lambda:InvokeFunction'], via: 'LambdaInvokePolicy' },
  { actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes'], via: 'SQSSendMessagePolicy' },
  { actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], via: 'DynamoDBCrudPolicy' },
  { actions: ['s3:GetObject', 's3:ListBucket'], via: 'S3ReadPolicy' },
  { actions: ['secretsmanager:GetSecretValue'], via: 'AWSSecretsManagerGetSecretValuePolicy' },
  { actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], via: 'SQSPollerPolicy' },
];

export function benchSnapshot(mix: Mix = TYPICAL): Snapshot {
  const roleWithoutEniAccess = mix === BROKEN ? 17 : 97;
  const random = seeded(2000);
  const resources: Resources = {};
  const vpcs = Array.from({ length: VPCS }, (_, v) => buildVpc(resources, v, random, mix));
  const apis = Array.from({ length: 20 }, (_, a) => ({ ...here, id: `api${a}`, name: `api-${a}`, protocol: a % 2 ? 'REST' : 'HTTP', stages: ['prod'], integrations: [] as unknown[] }));
  for (let f = 0; f < FUNCTIONS; f++) {
    const name = `fn-${f}`;
    const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
    const roleName = `role-${f % 1500}`;
    const vpc = vpcs[f % VPCS];
    const inVpc = vpc !== undefined && f % 5 !== 0;
    const placement = random.chance(mix.misplaced) ? random.int(0, 2) : 3;
    const subnetIds = !vpc ? [] : placement === 0 ? vpc.publics : placement === 1 ? [vpc.privates[0] ?? '', vpc.publics[0] ?? ''] : placement === 2 ? [vpc.isolated] : vpc.privates;
    const needs: unknown[] = [];
    if (vpc && random.chance(0.4)) {
      const targetId = random.pick(vpc.targets);
      needs.push(targetId.endsWith('cache') ? { kind: 'vpc-target', targetId, port: 6379, via: 'env REDIS_HOST' } : { kind: 'vpc-target', targetId, port: 5432, via: 'env DATABASE_URL' });
    }
    if (random.chance(0.2)) needs.push({ kind: 'internet', host: 'api.tosspayments.com', via: 'env PAYMENT_API_URL' });
    const permissions = Array.from({ length: random.int(0, 3) }, () => ({ ...random.pick(POLICIES), resources: ['*'] }));
    push(resources, 'lambdaFunctions', {
      ...here,
      id: name,
      name,
      arn,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
      timeout: random.chance(mix.longTimeout) ? random.pick([30, 60]) : random.pick([3, 10, 15]),
      ...(inVpc && vpc ? { vpcConfig: { subnetIds, securityGroupIds: [random.chance(mix.narrowGroup) ? (vpc.groups[4] ?? '') : random.pick(vpc.groups.slice(0, 4))] } } : {}),
      needs,
      permissions,
      ...(random.chance(0.9) ? { invokePrincipals: random.chance(0.95) ? ['apigateway.amazonaws.com'] : [] } : {}),
    });
    if (f % 3 === 0) apis[f % apis.length]?.integrations.push({ route: `ANY /fn${f}`, functionArn: arn });
  }
  for (let r = 0; r < 1500; r++) {
    push(resources, 'iamRoles', {
      ...here,
      region: 'global',
      id: `role-${r}`,
      name: `role-${r}`,
      arn: `arn:aws:iam::${ACCOUNT}:role/role-${r}`,
      allowedActions: r % 10 === 0 ? ['logs:CreateLogGroup', 'sns:Publish'] : [],
      managedPolicyArns: r % roleWithoutEniAccess === 0 ? ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] : ['arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'],
    });
  }
  resources.apis = apis;
  return snapshotSchema.parse({ version: 1, createdAt: '2026-01-01T00:00:00.000Z', source: { kind: 'scan' }, accounts: [{ id: ACCOUNT }], regions: [REGION], resources });
}

// Collect between runs, so one run's garbage is not charged to the next.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function measure(mix: Mix): number {
  const snapshot = benchSnapshot(mix);
  const r = snapshot.resources;
  const attached = r.lambdaFunctions.filter((f) => (f.vpcConfig?.subnetIds.length ?? 0) > 0).length;
  console.log(
    `\n${mix.name} account: ${r.lambdaFunctions.length} functions (${attached} in a VPC), ${r.vpcs.length} VPCs, ${r.subnets.length} subnets, ` +
      `${r.securityGroups.length} security groups, ${r.networkAcls.length} NACLs, ${r.routeTables.length} route tables, ${r.iamRoles.length} roles, ${r.apis.length} APIs`,
  );
  const wall: number[] = [];
  const cpu: number[] = [];
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    // A fresh copy each run: the analysis memoises per snapshot, and each run must pay full price.
    const copy = structuredClone(snapshot);
    collect();
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const findings = analyze(copy);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    if (run === 0) {
      const byCode = new Map<string, number>();
      for (const f of findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
      const withFindings = new Set(findings.filter((f) => f.resource.kind === 'lambda-function').map((f) => f.resource.id)).size;
      summary = `${findings.length} findings on ${withFindings} functions (${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ')})`;
    }
  }
  const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  const perFunction = (ms: number) => `${((ms * 1000) / FUNCTIONS).toFixed(0)} µs/function`;
  console.log(summary);
  console.log(`  first run (cold JIT): ${(wall[0] ?? 0).toFixed(1)} ms wall, ${perFunction(wall[0] ?? 0)}`);
  console.log(`  median of ${RUNS}:       ${median(wall).toFixed(1)} ms wall (${median(cpu).toFixed(1)} ms CPU), ${perFunction(median(wall))}; fastest ${Math.min(...wall).toFixed(1)} ms`);
  return median(wall);
}

function main(): void {
  const typical = measure(TYPICAL);
  measure(BROKEN);
  console.log(`\ntarget: the typical account under 200 ms — ${typical < 200 ? 'met' : 'NOT met'} (median ${typical.toFixed(1)} ms)`);
  if (typical >= 200) process.exitCode = 1;
}

if (process.argv[1]?.endsWith('analysis.ts')) main();
