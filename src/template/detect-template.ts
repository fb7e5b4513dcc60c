// Whether a YAML/JSON file is a CloudFormation or SAM template, judged by its content (an editor
// sees every template.yaml, docker-compose.yml and package.json alike): the format version, the
// SAM transform, or a Resources section whose entries have AWS:: types. Cheap text tests, no
// parse, so it can run before deciding to check a file at all.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html

const FORMAT_VERSION = /^\s*["']?AWSTemplateFormatVersion["']?\s*:/m;
const SAM_TRANSFORM = /AWS::Serverless-2016-10-31/;
const RESOURCES_SECTION = /^\s*['"]?Resources['"]?\s*:|"Resources"\s*:/m;
const AWS_TYPE = /["']?Type["']?\s*:\s*["']?(AWS|Alexa|Custom)::[A-Za-z0-9]+/;

export function looksLikeTemplate(text: string): boolean {
  // The head is enough: these markers sit near the top of any template.
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return FORMAT_VERSION.test(head) || SAM_TRANSFORM.test(head) || (RESOURCES_SECTION.test(head) && AWS_TYPE.test(head));
}
