// listProfiles reads the shared config and credentials files as the SDK does (AWS_CONFIG_FILE,
// AWS_SHARED_CREDENTIALS_FILE): profile names and regions only, sso-session and services sections
// left out, nothing secret returned, missing files meaning no profiles.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listProfiles } from '../../../src/aws/profiles';

describe('AWS profiles from the shared files', () => {
  let dir: string;
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'snm-profiles-'));
  });
  after(() => {
    for (const [name, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  function files(config: string | undefined, credentials: string | undefined): void {
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    rmSync(process.env.AWS_CONFIG_FILE, { force: true });
    rmSync(process.env.AWS_SHARED_CREDENTIALS_FILE, { force: true });
    if (config !== undefined) writeFileSync(process.env.AWS_CONFIG_FILE, config);
    if (credentials !== undefined) writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE, credentials);
  }

  it('lists both files’ profiles, default first, with the config file’s region', async () => {
    files(
      [
        '[profile prod]',
        'region = ap-northeast-2',
        'sso_session = corp',
        '[default]',
        'region = eu-west-1',
        '[sso-session corp]',
        'sso_region = us-east-1',
        '[services local]',
        'ec2 =',
        '  endpoint_url = http://127.0.0.1:5000',
        '[profile dev] ; a comment',
        'role_arn = arn:aws:iam::111122223333:role/dev',
      ].join('\n'),
      ['[default]', 'aws_access_key_id = AKIAEXAMPLEEXAMPLE00', 'aws_secret_access_key = s3cr3t', '[ci]', 'aws_access_key_id = AKIAEXAMPLEEXAMPLE01', 'region = us-west-2'].join('\n'),
    );
    const profiles = await listProfiles();
    assert.deepEqual(profiles, [
      { name: 'default', region: 'eu-west-1', sources: ['config', 'credentials'] },
      { name: 'ci', region: 'us-west-2', sources: ['credentials'] },
      { name: 'dev', sources: ['config'] },
      { name: 'prod', region: 'ap-northeast-2', sources: ['config'] },
    ]);
    assert.doesNotMatch(JSON.stringify(profiles), /AKIA|s3cr3t|role/);
  });

  it('lists nothing when neither file exists', async () => {
    files(undefined, undefined);
    assert.deepEqual(await listProfiles(), []);
  });
});
