// The command line of DESIGN.md, parsed with node's own parseArgs (strict: an unknown option is
// an error, not silently ignored).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

export const USAGE = `Usage: serverless-network-map <command> [options]

Commands:
  scan [--profile P]... [--region R]... [--endpoint URL] [--out FILE]
                                          read the account(s) into a snapshot (stdout or FILE)
  check [TEMPLATE] [--snapshot FILE | --demo | --profile P [--endpoint URL]] [--region R]
                   [--parameter-overrides K=V ...] [--format text|json|sarif]
                   [--offline | --dns-server IP[:PORT]...]
                                          findings; exit 1 if any is an error
  diagram (--snapshot FILE | --demo | --template FILE [--snapshot FILE | --demo]) --out FILE.svg|FILE.html|FILE.mmd
                                          draw the network and its broken paths

Options:
  --demo           use the embedded sample account (no AWS account needed)
  --snapshot FILE  a snapshot JSON file written by "scan"
  --profile P      AWS profile (repeat for several accounts; default: the default credential chain)
  --endpoint URL   endpoint override, e.g. LocalStack or moto (http://127.0.0.1:5000)
  --offline        skip live DNS look-ups of the account's custom domains
  --dns-server IP  resolve through this DNS server (repeatable; default: the system's)
  -h, --help       show this help`;

/** Live DNS for a checked account: skipped offline, else through these servers (the system's when empty). */
export interface DnsOptions {
  offline: boolean;
  servers: string[];
}

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface InputOptions {
  demo: boolean;
  snapshot?: string;
  template?: string;
  /** A live account to check against (check only): scanned in the check's region. */
  profile?: string;
  endpoint?: string;
}

export type Command =
  | { name: 'help' }
  | { name: 'scan'; profiles: string[]; regions: string[]; endpoint?: string; out?: string }
  | ({ name: 'check'; format: OutputFormat; region?: string; parameterOverrides: string[]; dns: DnsOptions } & InputOptions)
  | ({ name: 'diagram'; out: string } & InputOptions);

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

function parse<T extends OptionSpecs>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    // parseArgs' messages name the option ("Unknown option '--x'"); keep them, drop the hint.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

export function parseCommandLine(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') return { name: 'help' };
  switch (name) {
    case 'scan': {
      const { values, positionals } = parse(rest, {
        ...HELP,
        profile: { type: 'string', multiple: true },
        region: { type: 'string', multiple: true },
        endpoint: { type: 'string' },
        out: { type: 'string', short: 'o' },
      } as const);
      if (values.help) return { name: 'help' };
      if (positionals.length > 0) throw new UsageError(`scan takes no positional arguments, got: ${positionals.join(' ')}`);
      if (values.endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(values.endpoint)) {
        throw new UsageError(`--endpoint must be an http(s) URL, got "${values.endpoint}"`);
      }
      return {
        name: 'scan',
        profiles: values.profile ?? [],
        regions: values.region ?? [],
        ...(values.endpoint ? { endpoint: values.endpoint } : {}),
        ...(values.out ? { out: values.out } : {}),
      };
    }
    case 'check': {
      const { values, positionals } = parse(rest, {
        ...HELP,
        snapshot: { type: 'string' },
        demo: { type: 'boolean' },
        region: { type: 'string' },
        'parameter-overrides': { type: 'string', multiple: true },
        format: { type: 'string' },
        profile: { type: 'string' },
        endpoint: { type: 'string' },
        offline: { type: 'boolean' },
        'dns-server': { type: 'string', multiple: true },
      } as const);
      if (values.help) return { name: 'help' };
      // SAM CLI takes several pairs after one flag (--parameter-overrides A=1 B=2); parseArgs sees
      // the later ones as positionals, so Key=Value positionals join the overrides.
      const pairs = values['parameter-overrides'] ? positionals.filter((p) => /^(ParameterKey=)?[A-Za-z0-9]+=/.test(p)) : [];
      const templates = positionals.filter((p) => !pairs.includes(p));
      if (templates.length > 1) throw new UsageError(`check takes at most one template, got: ${templates.join(' ')}`);
      const format = values.format ?? 'text';
      if (!FORMATS.includes(format as OutputFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
      const live = values.profile !== undefined || values.endpoint !== undefined;
      if (live && (values.demo || values.snapshot)) throw new UsageError('give the account as --snapshot FILE, --demo, or --profile/--endpoint, not several');
      if (values.endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(values.endpoint)) throw new UsageError(`--endpoint must be an http(s) URL, got "${values.endpoint}"`);
      return {
        name: 'check',
        ...inputOptions(values.demo === true, values.snapshot, templates[0]),
        ...(values.profile !== undefined ? { profile: values.profile } : {}),
        ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
        format: format as OutputFormat,
        region: values.region,
        parameterOverrides: [...(values['parameter-overrides'] ?? []), ...pairs],
        dns: { offline: values.offline === true, servers: values['dns-server'] ?? [] },
      };
    }
    case 'diagram': {
      const { values, positionals } = parse(rest, {
        ...HELP,
        snapshot: { type: 'string' },
        template: { type: 'string' },
        demo: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
      } as const);
      if (values.help) return { name: 'help' };
      if (positionals.length > 0) throw new UsageError(`diagram takes no positional arguments, got: ${positionals.join(' ')}`);
      const out = values.out;
      if (!out) throw new UsageError('diagram needs --out FILE.svg, FILE.html or FILE.mmd');
      // PNG needs a browser to rasterise the SVG; the CLI stays browser-free, so the panel does it.
      if (/\.png$/i.test(out)) throw new UsageError(`--out must end in .svg or .html (or .mmd for Mermaid), got "${out}": the command line cannot write PNG (it would need a browser); use "PNG" in the VS Code diagram panel`);
      if (!/\.(svg|html?|mmd)$/i.test(out)) throw new UsageError(`--out must end in .svg or .html (or .mmd for Mermaid), got "${out}"`);
      const input = inputOptions(values.demo === true, values.snapshot, values.template);
      if (!input.demo && !input.snapshot && !input.template) throw new UsageError('diagram needs --demo, --snapshot FILE or --template FILE');
      return { name: 'diagram', ...input, out };
    }
    default:
      throw new UsageError(`unknown command "${name}" (commands: scan, check, diagram; see --help)`);
  }
}

function inputOptions(demo: boolean, snapshot: string | undefined, template: string | undefined): InputOptions {
  if (demo && snapshot) throw new UsageError('give either --demo or --snapshot, not both');
  return { demo, ...(snapshot ? { snapshot } : {}), ...(template ? { template } : {}) };
}
