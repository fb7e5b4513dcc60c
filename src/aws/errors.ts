// The scanner's errors, and one sentence for a person out of any SDK error. Expected failures
// (no credentials, a cancelled scan, an endpoint that is down) carry their own class so the CLI and
// VS Code can say what to do without printing a stack.

/** The scan was cancelled through its AbortSignal. Named like the platform's AbortError so callers that already test `error.name === 'AbortError'` keep working. */
export class ScanCancelledError extends Error {
  override readonly name = 'AbortError';
  readonly code = 'ABORT_ERR';
  constructor(message = 'the scan was cancelled; nothing was written') {
    super(message);
  }
}

/** No usable credentials for a target (missing profile, expired SSO session, rejected key). */
export class NoCredentialsError extends Error {
  override readonly name = 'NoCredentialsError';
  constructor(
    readonly profile: string | undefined,
    reason: string,
  ) {
    const who = profile ? `profile "${profile}"` : 'the default credential chain';
    const fix = profile
      ? `run \`aws sso login --profile ${profile}\` or \`aws configure --profile ${profile}\`, then scan again`
      : 'set AWS_PROFILE, run `aws configure`, or pick a profile, then scan again';
    super(`no usable AWS credentials from ${who}: ${reason}. To fix: ${fix}.`);
  }
}

/** STS could not tell whose account a target is, for a reason other than credentials (endpoint down, network). */
export class AccountIdentityError extends Error {
  override readonly name = 'AccountIdentityError';
  constructor(
    readonly profile: string | undefined,
    reason: string,
  ) {
    super(`could not identify the AWS account${profile ? ` of profile "${profile}"` : ''} (sts:GetCallerIdentity): ${reason}`);
  }
}

/** Scan options a person got wrong (no region, a misspelt one): a usage error, not a failure. */
export class ScanOptionsError extends Error {
  override readonly name = 'ScanOptionsError';
}

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: { statusCode?: number };
  cause?: unknown;
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : { message: String(error) };
}

const operationOfError = new WeakMap<object, string>();

/** Remembers which operation an error came from (set by the scanner's middleware), for the gap message. */
export function tagOperation(error: unknown, operation: string): void {
  if (typeof error === 'object' && error !== null && !operationOfError.has(error)) operationOfError.set(error, operation);
}

export function operationOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? operationOfError.get(error) : undefined;
}

export function httpStatusOf(error: unknown): number | undefined {
  const e = shape(error);
  return e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
}

export function errorCodeOf(error: unknown): string {
  const e = shape(error);
  return e.Code ?? e.name ?? e.code ?? 'Error';
}

export function isAbortError(error: unknown): boolean {
  const e = shape(error);
  return e.name === 'AbortError' || e.code === 'ABORT_ERR';
}

// Codes AWS and the SDK use when the caller's credentials are the problem, not its permissions.
const CREDENTIAL_CODES = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'AuthFailure',
  'TokenProviderError',
  'SSOTokenProviderFailure',
]);

export function isCredentialsError(error: unknown): boolean {
  return CREDENTIAL_CODES.has(errorCodeOf(error));
}

// Anything that looks like key material or a signature never leaves this module.
const SECRET_PATTERNS: RegExp[] = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g,
  /(Credential|Signature|X-Amz-Security-Token|X-Amz-Signature|SecretAccessKey|SessionToken)=[^\s,&"]+/gi,
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, (match, key?: string) => (key ? `${key}=[redacted]` : '[redacted]')), text);
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the endpoint running?)',
  ECONNRESET: 'the connection was reset by the endpoint',
  EPIPE: 'the connection was reset by the endpoint',
  ENOTFOUND: 'the endpoint host name does not resolve',
  EAI_AGAIN: 'the endpoint host name does not resolve',
  ETIMEDOUT: 'the request timed out',
};

/** What happened to the connection, from the error or its causes; a socket code beats a generic name. */
function networkReason(error: unknown): string | undefined {
  const chain: SdkErrorShape[] = [];
  for (let e: unknown = error; e && chain.length < 4; e = shape(e).cause) chain.push(shape(e));
  for (const e of chain) if (e.code && NETWORK_REASONS[e.code]) return NETWORK_REASONS[e.code];
  return chain.some((e) => e.name === 'TimeoutError') ? 'the request timed out' : undefined;
}

/**
 * One line for a person: the AWS error code, what the service said, and the operation. HTML bodies
 * (an emulator answering 500 for an operation it lacks) become "HTTP 500"; key material is redacted.
 */
export function describeAwsError(error: unknown): string {
  const e = shape(error);
  const status = httpStatusOf(error);
  const operation = operationOf(error);
  const network = networkReason(error);
  const code = errorCodeOf(error);
  let body = (e.message ?? '').replace(/\s+/g, ' ').trim();
  if (/<html|<!doctype/i.test(body) || (status !== undefined && status >= 500 && /^(UnknownError|SyntaxError)$/.test(code))) {
    // An HTML page or an unparsable 5xx body: an emulator that lacks the operation, or a proxy in the way.
    body = `HTTP ${status ?? 500} from the endpoint (it may not support this operation)`;
  } else if (status !== undefined && /^Unknown(Error)?$/.test(code)) {
    // An error body the SDK could not read: the status is all there is to go on.
    body = `HTTP ${status} from the endpoint${status === 403 ? ' (access denied?)' : ''}; its error body could not be read`;
  } else if (network) {
    body = network;
  } else {
    body = body && body !== code ? `${code}: ${body}` : code;
  }
  const attempts = e.$metadata?.attempts;
  const retried = attempts && attempts > 1 ? ` (after ${attempts} attempts)` : '';
  const text = `${operation ? `${operation}: ` : ''}${body}${retried}`;
  return redactSecrets(text.length > 400 ? `${text.slice(0, 397)}...` : text);
}
