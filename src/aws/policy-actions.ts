// IAM policy documents reduced to what the rules ask: which actions a role may call at all
// (allowedActions), and each Allow statement with its resources and the policy it came from
// (statements), so a finding can name the policy.
import type { Permission } from '../model/snapshot';

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
}

/** IAM returns policy documents URL-encoded (RFC 3986); some endpoints return them plain. */
export function parsePolicyDocument(document: string | undefined): Statement[] {
  if (!document) return [];
  for (const text of [document, safeDecode(document)]) {
    try {
      const doc = JSON.parse(text) as { Statement?: Statement | Statement[] };
      return Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    } catch {
      // try the next reading
    }
  }
  return [];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** "EC2:CreateNetworkInterface" → "ec2:CreateNetworkInterface": IAM service prefixes are case-insensitive. */
function normalizeAction(action: string): string {
  const [service, name] = action.split(':');
  return name === undefined ? action : `${(service ?? '').toLowerCase()}:${name}`;
}

/**
 * The Allow statements of one policy document, as model permissions. NotAction statements are left
 * out (their actions cannot be listed); a NotResource statement is kept as "*" and says so in `via`.
 */
export function allowStatements(document: string | undefined, via: string): Permission[] {
  return parsePolicyDocument(document)
    .filter((statement) => statement.Effect === 'Allow' && statement.Action !== undefined)
    .map((statement) => ({
      actions: list(statement.Action).map(normalizeAction),
      resources: statement.NotResource !== undefined ? ['*'] : list(statement.Resource).length > 0 ? list(statement.Resource) : ['*'],
      via: statement.NotResource !== undefined ? `${via} (NotResource)` : via,
    }));
}

/**
 * Actions allowed by a set of policy documents, as written ("lambda:*", "ec2:CreateNetworkInterface"),
 * with the service prefix lower-cased. An explicit Deny of the same action on every resource removes it.
 * NotAction allows are left out: they cannot be listed, and rules that need them ask about specific actions.
 */
export function allowedActions(documents: readonly (string | undefined)[]): string[] {
  const allowed = new Set<string>();
  const denied = new Set<string>();
  for (const statement of documents.flatMap(parsePolicyDocument)) {
    const actions = list(statement.Action).map(normalizeAction);
    if (statement.Effect === 'Allow') actions.forEach((a) => allowed.add(a));
    else if (statement.Effect === 'Deny' && list(statement.Resource).includes('*')) actions.forEach((a) => denied.add(a));
  }
  return [...allowed].filter((a) => !denied.has(a)).sort();
}
