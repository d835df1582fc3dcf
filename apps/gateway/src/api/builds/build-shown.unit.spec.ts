import { defaultBuildConfig } from '@monitor/domain';
import { ReadModelFeed } from '../../testing/read-model-feed';
import { buildInfo, shownBuild } from './build-shown';

const run = (update_id: string, patch: number, started_at: number) => ({
  update_id,
  version: { major: 0, minor: 0, patch },
  started_at,
  ended_at: started_at + 1000,
});

describe("a Build's reads from what its stream records", () => {
  it('given two builds and a failed one, show the last built version in config and list', () => {
    const { readModel } = new ReadModelFeed()
      .create('Build', 'b1', { ...defaultBuildConfig(), image_name: 'app' })
      .apply(
        'build-b1',
        { type: 'BuildBuilt', data: { ...run('u1', 1, 10), commit_hash: 'abc1234' } },
        1,
      )
      .apply('build-b1', { type: 'BuildBuilt', data: run('u2', 2, 20) }, 2)
      .apply('build-b1', { type: 'BuildFailed', data: run('u3', 3, 30) }, 3);
    const build = readModel.resource('Build', 'b1');
    if (!build) throw new Error('no build');

    expect(build.config.version).toEqual({ major: 0, minor: 0, patch: 0 });
    expect(shownBuild(readModel, build).config.version).toEqual({ major: 0, minor: 0, patch: 2 });
    expect(buildInfo(readModel, build)).toMatchObject({
      state: 'Failed',
      version: { major: 0, minor: 0, patch: 2 },
      last_built_at: 1020,
    });
  });
});
