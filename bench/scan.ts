// npm run bench:scan — the scanner against a large synthetic account in moto, and the same inventory
// through sequential aws CLI commands against the same server, in one run. Prints API calls, wall
// times and the ratio. `--no-cli` skips the (slow) CLI half.
import { scanAccountWithStats, type ScanStats } from '../src/aws/scan';
import { DEFAULT_LIMITS, type ScanService, type ServiceLimit } from '../src/aws/service-limits';
import type { Snapshot } from '../src/model/snapshot';
import { startMotoServer } from '../test/aws/moto-server';
import { BENCH_SHAPE, buildBenchAccount } from './scan-build';
import { inventoryWithCli } from './scan-cli';

const REGION = 'eu-west-1';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timedScan(endpoint: string, limits?: Partial<Record<ScanService, ServiceLimit>>): Promise<{ snapshot: Snapshot; stats: ScanStats; wallMs: number }> {
  const started = performance.now();
  const { snapshot, stats } = await scanAccountWithStats({
    targets: [{ credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } }],
    regions: [REGION],
    endpoint,
    ...(limits ? { limits } : {}),
  });
  return { snapshot, stats, wallMs: performance.now() - started };
}

function check(snapshot: Snapshot): void {
  const r = snapshot.resources;
  const counts = {
    vpcs: r.vpcs.filter((v) => !v.isDefault).length,
    subnets: r.subnets.filter((s) => s.vpcId && r.vpcs.some((v) => v.id === s.vpcId && !v.isDefault)).length,
    networkInterfaces: r.networkInterfaces.length,
    lambdaFunctions: r.lambdaFunctions.length,
    domainNames: r.domainNames.length,
    hostedZones: r.hostedZones.length,
    recordSets: r.recordSets.length,
  };
  console.log(`  read: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}; ${snapshot.gaps.length} gaps`);
  const S = BENCH_SHAPE;
  const expected = { vpcs: S.vpcs, subnets: S.vpcs * S.subnetsPerVpc, lambdaFunctions: S.functions, domainNames: S.domains, hostedZones: S.zones, recordSets: S.zones * S.recordsPerZone };
  for (const [kind, count] of Object.entries(expected)) {
    if (counts[kind as keyof typeof counts] !== count) throw new Error(`the scan read ${counts[kind as keyof typeof counts]} ${kind}, expected ${count}`);
  }
  if (counts.networkInterfaces < S.vpcs * S.subnetsPerVpc * S.enisPerSubnet) throw new Error(`only ${counts.networkInterfaces} ENIs read`);
  for (const gap of snapshot.gaps) console.log(`  gap: ${gap.service}@${gap.region}: ${gap.error}`);
}

function perFunctionCalls(stats: ScanStats): string {
  const calls = Object.fromEntries(stats.callsByOperation);
  return `ListFunctions ${calls['lambda:ListFunctions'] ?? 0}, GetFunction ${calls['lambda:GetFunction'] ?? 0}, GetPolicy ${calls['lambda-policies:GetPolicy'] ?? 0} (integration targets only)`;
}

async function main(): Promise<void> {
  const withCli = !process.argv.includes('--no-cli');
  const moto = await startMotoServer();
  try {
    console.log(`moto_server at ${moto.endpoint}, region ${REGION}`);
    let started = performance.now();
    const built = await buildBenchAccount(moto.endpoint, REGION);
    console.log(`built the synthetic account in ${seconds(performance.now() - started)} (${built.requests} requests)`);

    // A first scan warms moto's lazily built per-region backends, so neither contender pays for it.
    await timedScan(moto.endpoint);
    const scan = await timedScan(moto.endpoint);
    console.log(`scanAccount, AWS's documented rate limits (the default): ${seconds(scan.wallMs)}, ${scan.stats.apiCalls} API calls`);
    check(scan.snapshot);
    console.log(`  per-function calls: ${perFunctionCalls(scan.stats)}`);
    const unlimited = Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((s) => [s, { ...DEFAULT_LIMITS[s as ScanService], capacity: 1e9, refillPerSecond: 1e9 }]));
    const raw = await timedScan(moto.endpoint, unlimited);
    console.log(`scanAccount, rate limits lifted (what the endpoint allows): ${seconds(raw.wallMs)}, ${raw.stats.apiCalls} API calls`);

    if (!withCli) return;
    started = performance.now();
    const cli = await inventoryWithCli(moto.endpoint, REGION, (n) => {
      if (n % 100 === 0) console.log(`  aws CLI: ${n} commands, ${seconds(performance.now() - started)}`);
    });
    console.log(`aws CLI, sequential: ${seconds(cli.wallMs)}, ${cli.invocations} commands = API calls (moto never pages)`);
    console.log('');
    console.log('| contender | API calls | wall time | vs aws CLI |');
    console.log('|---|---|---|---|');
    console.log(`| aws CLI, sequential | ${cli.invocations} | ${seconds(cli.wallMs)} | 1× |`);
    console.log(`| scanAccount (default rate limits) | ${scan.stats.apiCalls} | ${seconds(scan.wallMs)} | ${(cli.wallMs / scan.wallMs).toFixed(1)}× faster |`);
    console.log(`| scanAccount (limits lifted) | ${raw.stats.apiCalls} | ${seconds(raw.wallMs)} | ${(cli.wallMs / raw.wallMs).toFixed(1)}× faster |`);
  } finally {
    await moto.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:scan failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
