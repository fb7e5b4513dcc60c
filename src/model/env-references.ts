// What a function's environment variables say it must reach. Values can be secrets, so nothing is
// kept verbatim except what names another resource: an ARN, a function name we saw in the same
// region, an SQS queue URL, or a host (and port) — never a URL's user, password, path or query.
// The variable's name goes into `via`, so a finding can say where the need was learned.
import type { Need } from './snapshot';

const ARN = /^arn:aws(?:-cn|-us-gov)?:([a-z0-9-]+):[a-z0-9-]*:(?:\d{12})?:(.+)$/;
// docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html
const QUEUE_URL = /^https:\/\/(?:sqs\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?|queue\.amazonaws\.com|[a-z0-9-]+\.queue\.amazonaws\.com)\/\d{12}\/[\w-]+(?:\.fifo)?$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const BARE_HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::(\d{1,5}))?$/i;
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;

// Default ports by URL scheme, for in-VPC targets whose value carries none.
const SCHEME_PORTS: Record<string, number> = { postgres: 5432, postgresql: 5432, mysql: 3306, mariadb: 3306, redis: 6379, rediss: 6379, mongodb: 27017, memcached: 11211 };

interface HostRef {
  host: string;
  port?: number;
  scheme?: string;
}

function parseHost(value: string): HostRef | undefined {
  const trimmed = value.trim();
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme) {
    try {
      const url = new URL(trimmed);
      if (!url.hostname) return undefined;
      return { host: url.hostname.replace(/^\[|\]$/g, '').toLowerCase(), ...(url.port ? { port: Number(url.port) } : {}), scheme };
    } catch {
      return undefined;
    }
  }
  const bare = BARE_HOST.exec(trimmed);
  if (!bare?.[1]) return undefined;
  const host = bare[1].toLowerCase();
  const port = bare[2] ? Number(bare[2]) : undefined;
  // A dotted word is not a host (module paths, log formats): a bare value counts only with a port,
  // as an IPv4 address, or under a suffix that only hosts have.
  const hostLike = port !== undefined || /^\d+\.\d+\.\d+\.\d+$/.test(host) || /\.(amazonaws\.com(\.cn)?|internal|local)$/.test(host);
  return hostLike ? { host, ...(port !== undefined ? { port } : {}) } : undefined;
}

function isPrivateAddress(host: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host) || /\.(internal|local)$/.test(host);
}

function siblingPort(variables: Record<string, string>, name: string): number | undefined {
  const stem = name.replace(/_?(HOST|HOSTNAME|ENDPOINT|ADDRESS|URL)$/i, '');
  for (const candidate of [`${stem}_PORT`, `${stem}PORT`]) {
    const value = variables[candidate];
    if (value && /^\d{1,5}$/.test(value)) return Number(value);
  }
  return undefined;
}

/** What a host means: an AWS API, a target inside a VPC, or the internet. */
function needForHost(ref: HostRef, via: string, portHint: number | undefined): Need | undefined {
  const { host } = ref;
  if (host === 'localhost' || host.startsWith('127.')) return undefined;
  const port = ref.port ?? portHint ?? (ref.scheme ? SCHEME_PORTS[ref.scheme] : undefined);
  // In-VPC data stores: ElastiCache (6379 Redis; 11211 for a Memcached ".cfg." endpoint), DocumentDB, RDS.
  if (host.endsWith('.cache.amazonaws.com')) return { kind: 'vpc-target', host, port: port ?? (host.includes('.cfg.') ? 11211 : 6379), via };
  if (host.endsWith('.docdb.amazonaws.com')) return { kind: 'vpc-target', host, port: port ?? 27017, via };
  if (host.endsWith('.rds.amazonaws.com')) return port !== undefined ? { kind: 'vpc-target', host, port, via } : undefined;
  if (/^vpc-.*\.(es|aoss)\.amazonaws\.com$/.test(host)) return { kind: 'vpc-target', host, port: port ?? 443, via };
  // Interface endpoint names: vpce-<id>.<service>.<region>.vpce.amazonaws.com
  const vpce = /^vpce-[a-z0-9-]+\.([a-z0-9-]+)\.[a-z0-9-]+\.vpce\.amazonaws\.com$/.exec(host);
  if (vpce?.[1]) return { kind: 'aws-api', service: vpce[1], via };
  // Public service endpoints: [<resource>.]<service>.<region>.amazonaws.com
  const labels = host.replace(/\.cn$/, '').split('.');
  if (labels.at(-1) === 'com' && labels.at(-2) === 'amazonaws') {
    const regionAt = labels.findIndex((label) => REGION.test(label));
    const service = regionAt > 0 ? labels[regionAt - 1] : labels.at(-3);
    if (service) return { kind: 'aws-api', service, via };
  }
  if (isPrivateAddress(host)) return port !== undefined ? { kind: 'vpc-target', host, port, via } : undefined;
  return ref.scheme || ref.port !== undefined ? { kind: 'internet', host, via } : undefined;
}

function needForValue(name: string, value: string, variables: Record<string, string>, functionNames: ReadonlySet<string>): Need | undefined {
  const via = `environment variable ${name}`;
  const arn = ARN.exec(value.trim());
  if (arn?.[1]) {
    const service = arn[1];
    if (service === 'lambda' && arn[2]?.startsWith('function:')) return { kind: 'aws-api', service, action: 'lambda:InvokeFunction', via: `${via} (${value.trim()})` };
    return { kind: 'aws-api', service, via: `${via} (${value.trim()})` };
  }
  if (QUEUE_URL.test(value.trim())) return { kind: 'aws-api', service: 'sqs', via: `${via} (${value.trim()})` };
  if (functionNames.has(value.trim())) return { kind: 'aws-api', service: 'lambda', action: 'lambda:InvokeFunction', via: `${via} (function ${value.trim()})` };
  const host = parseHost(value);
  return host ? needForHost(host, via, siblingPort(variables, name)) : undefined;
}

/**
 * Needs evident from environment variables. `functionNames` are the functions of the same account
 * and region, so a bare function name counts as an invoke target.
 */
export function needsFromEnvironment(variables: Record<string, string> | undefined, functionNames: ReadonlySet<string> = new Set()): Need[] {
  const needs = new Map<string, Need>();
  for (const [name, value] of Object.entries(variables ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (typeof value !== 'string' || value.length === 0 || value.length > 2048) continue;
    const need = needForValue(name, value, variables ?? {}, functionNames);
    if (need) needs.set(JSON.stringify(need), need);
  }
  return [...needs.values()];
}
