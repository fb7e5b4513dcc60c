// What the Scan Account pickers offer and start on: the `profile` setting, else the default chain;
// the `regions` setting, else the profile's region; names from the user's files shown as written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwsProfile } from '../../../src/aws/profiles';
import { defaultRegions, profileChoices, regionChoices } from '../../../src/vscode/scan/picker-items';

const profiles: AwsProfile[] = [
  { name: 'default', region: 'eu-west-1', sources: ['config', 'credentials'] },
  { name: 'prod', region: 'ap-northeast-2', sources: ['config'] },
  { name: 'ci', sources: ['credentials'] },
];

describe('profile picker', () => {
  it('starts on the default credential chain when no profile is set, then lists the files’ profiles', () => {
    const choices = profileChoices(profiles, '');
    assert.deepEqual(
      choices.map((c) => [c.label, c.profile, c.description]),
      [
        ['Default credentials', undefined, 'AWS_PROFILE, environment variables, SSO or instance role'],
        ['default', 'default', 'eu-west-1'],
        ['prod', 'prod', 'ap-northeast-2'],
        ['ci', 'ci', 'no region'],
      ],
    );
    assert.equal(choices[1]?.detail, 'from the config file and the credentials file');
  });

  it('starts on the profile of the setting, keeping the others', () => {
    const choices = profileChoices(profiles, 'prod');
    assert.deepEqual(choices.map((c) => c.profile), ['prod', undefined, 'default', 'ci']);
  });

  it('still offers a set profile the files lack, and says so', () => {
    const [first] = profileChoices(profiles, 'gone');
    assert.deepEqual(first, { label: 'gone', description: 'from settings', detail: 'not found in the shared config or credentials file', profile: 'gone' });
  });

  it('shows a profile name with $(…) as written, not as an icon, and keeps the real name as the value', () => {
    const [, odd] = profileChoices([{ name: '$(zap)dev', sources: ['config'] }], '');
    assert.equal(odd?.label, '\\$(zap)dev');
    assert.equal(odd?.profile, '$(zap)dev');
  });
});

describe('region picker', () => {
  it('starts on the setting’s regions, else the profile’s region, else none', () => {
    assert.deepEqual(defaultRegions(['us-east-1', 'eu-west-1', 'us-east-1'], 'ap-northeast-2'), ['us-east-1', 'eu-west-1']);
    assert.deepEqual(defaultRegions([], 'ap-northeast-2'), ['ap-northeast-2']);
    assert.deepEqual(defaultRegions([], undefined), []);
  });

  it('checks the starting regions and lists them first, each region once, with its place', () => {
    const choices = regionChoices(['ap-northeast-2', 'eu-west-1']);
    assert.deepEqual(choices.slice(0, 3), [
      { label: 'ap-northeast-2', description: 'Seoul', picked: true, region: 'ap-northeast-2' },
      { label: 'eu-west-1', description: 'Ireland', picked: true, region: 'eu-west-1' },
      { label: 'us-east-1', description: 'N. Virginia', picked: false, region: 'us-east-1' },
    ]);
    assert.equal(new Set(choices.map((c) => c.region)).size, choices.length);
    assert.equal(choices.filter((c) => c.picked).length, 2);
  });

  it('offers a region the list does not know when the setting names it', () => {
    const [first] = regionChoices(['us-gov-west-1']);
    assert.deepEqual(first, { label: 'us-gov-west-1', description: 'from settings', picked: true, region: 'us-gov-west-1' });
  });
});
