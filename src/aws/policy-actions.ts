// IAM policy documents reduced to the actions they allow: what the rules ask is whether a role may
// call ec2:CreateNetworkInterface or lambda:InvokeFunction at all, not on which resources.

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
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

/**
 * Actions allowed by a set of policy documents, as written ("lambda:*", "ec2:CreateNetworkInterface"),
 * with the service prefix lower-cased. An explicit Deny of the same action on every resource removes it.
 * NotAction allows are left out: they cannot be listed, and rules that need them ask about specific actions.
 */
export function allowedActions(documents: readonly (string | undefined)[]): string[] {
  const allowed = new Set<string>();
  const denied = new Set<string>();
  const normalize = (action: string): string => {
    const [service, name] = action.split(':');
    return name === undefined ? action : `${(service ?? '').toLowerCase()}:${name}`;
  };
  for (const statement of documents.flatMap(parsePolicyDocument)) {
    const actions = list(statement.Action).map(normalize);
    if (statement.Effect === 'Allow') actions.forEach((a) => allowed.add(a));
    else if (statement.Effect === 'Deny' && list(statement.Resource).includes('*')) actions.forEach((a) => denied.add(a));
  }
  return [...allowed].filter((a) => !denied.has(a)).sort();
}
