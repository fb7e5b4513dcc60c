// `check TEMPLATE` and `diagram --template`: reads the template and the samconfig beside it (as
// SAM CLI finds it: samconfig.toml, else samconfig.yaml/.yml in the template's folder), and
// checks it against the account given, if any. Region: --region, else samconfig's, else
// AWS_REGION / AWS_DEFAULT_REGION as SAM CLI would use, else the snapshot's only region.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Snapshot } from '../model/snapshot';
import { checkTemplate, type TemplateCheck } from '../template/check-template';
import type { SamconfigFile } from '../template/samconfig';
import { UsageError } from './usage-error';

export interface TemplateInput {
  readonly template: string;
  readonly region?: string;
  readonly parameterOverrides?: readonly string[];
  readonly account?: Snapshot;
}

const SAMCONFIG_NAMES = ['samconfig.toml', 'samconfig.yaml', 'samconfig.yml'];

async function readSamconfigBeside(template: string): Promise<SamconfigFile | undefined> {
  for (const name of SAMCONFIG_NAMES) {
    const fileName = join(dirname(template), name);
    try {
      return { fileName, text: await readFile(fileName, 'utf8') };
    } catch {
      // not there: try the next name
    }
  }
  return undefined;
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

/** Paths in findings and SARIF use forward slashes, as URIs do. */
function displayName(path: string): string {
  return path.replace(/\\/g, '/');
}

export async function checkTemplateFile(input: TemplateInput, notes: (line: string) => void): Promise<TemplateCheck> {
  let text: string;
  try {
    text = await readFile(input.template, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read template ${input.template}: ${why(error)}`);
  }
  const samconfig = await readSamconfigBeside(input.template);
  const environmentRegion = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  const result = checkTemplate(text, {
    fileName: displayName(input.template),
    ...(input.region ? { region: input.region } : {}),
    ...(input.parameterOverrides && input.parameterOverrides.length > 0 ? { parameterOverrides: input.parameterOverrides } : {}),
    ...(samconfig ? { samconfig } : {}),
    ...(environmentRegion ? { fallbackRegion: environmentRegion } : {}),
    ...(input.account ? { snapshot: input.account } : {}),
  });
  for (const note of result.notes) notes(note);
  return result;
}
