// Which open files are SAM/CloudFormation templates. By name first (cheap: .yaml/.yml/.json/.template),
// then by content, so a docker-compose.yaml or a package.json never gets template diagnostics.
// Pure: no `vscode` import.

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;

/** Only the head of a file is searched: a template says what it is near the top, and a huge file must not cost a full scan. */
const HEAD = 64 * 1024;

const MARKERS: readonly RegExp[] = [
  /^\s*["']?AWSTemplateFormatVersion["']?\s*:/m,
  /^\s*["']?Transform["']?\s*:[^\n]*AWS::Serverless/m,
  /^\s*-\s*["']?AWS::Serverless-\d/m,
];

/** `Resources:` holding at least one `Type: AWS::…` (a CloudFormation template without the version line). */
const RESOURCES = /^\s*["']?Resources["']?\s*:/m;
const AWS_TYPE = /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/;

export function isTemplateFileName(fileName: string): boolean {
  return TEMPLATE_FILE.test(fileName);
}

export function looksLikeTemplate(text: string): boolean {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  if (MARKERS.some((marker) => marker.test(head))) return true;
  return RESOURCES.test(head) && AWS_TYPE.test(head);
}
