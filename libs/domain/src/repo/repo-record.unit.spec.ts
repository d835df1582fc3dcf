import { deciderSpec } from '@monitor/testing';
import { repoDecider, replayRepo, type RepoEvent } from './repo-record';

const spec = deciderSpec(repoDecider);
const first = { hash: 'a'.repeat(40), message: 'initial commit' };
const second = { hash: 'b'.repeat(40), message: 'second commit' };
const cloned: RepoEvent = { type: 'RepoCloned', data: { ...first, at: 1000 } };
const seen = (commit: typeof first): RepoEvent => ({ type: 'RepoLatestCommitSeen', data: commit });

describe('Repo record', () => {
  it('a clone of the branch head records the clone and the latest remote commit', () => {
    spec
      .given([])
      .when({ type: 'RecordClone', commit: first, pinned: false, at: 1000 })
      .then([cloned, seen(first)]);
  });

  it('a pull pinned to a commit says nothing of the remote branch', () => {
    spec
      .given([cloned, seen(first)])
      .when({ type: 'RecordPull', commit: second, pinned: true, at: 2000 })
      .then([{ type: 'RepoPulled', data: { ...second, at: 2000 } }]);
  });

  it('a refresh records a newer remote commit, and nothing when it is already known', () => {
    spec
      .given([cloned, seen(first)])
      .when({ type: 'RecordLatest', commit: second })
      .then([seen(second)]);
    spec
      .given([cloned, seen(first)])
      .when({ type: 'RecordLatest', commit: first })
      .then([]);
  });

  it('refuses what is not a commit hash', () => {
    spec
      .given([])
      .when({ type: 'RecordLatest', commit: { hash: 'HEAD', message: '' } })
      .thenFails('VALIDATION', /commit/);
  });

  it('replays the runs: cloned and latest may differ after a refresh', () => {
    const record = replayRepo([
      { otherData: { repo_events: [cloned, seen(first)] } },
      {},
      { otherData: { repo_events: [seen(second)] } },
    ]);
    expect(record).toEqual({
      cloned: true,
      cloned_hash: first.hash,
      cloned_message: first.message,
      last_pulled_at: 1000,
      latest_hash: second.hash,
      latest_message: second.message,
    });
  });

  it('never cloned: nothing known', () => {
    expect(replayRepo([])).toEqual({ cloned: false, last_pulled_at: 0 });
  });
});
