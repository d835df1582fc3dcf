import { defaultStackConfig, type Resource } from '@monitor/domain';
import { stackLayout } from './stack-layout';

const stack = (additional_env_files: { path: string; track?: boolean }[]) =>
  ({
    kind: 'Stack',
    id: 's1',
    name: 'app',
    config: { ...defaultStackConfig(), additional_env_files },
  }) as unknown as Resource<'Stack'>;

describe('a stack layout', () => {
  it("tracks an additional env file unless it says track = false (Komodo's default)", () => {
    const layout = stackLayout(
      stack([{ path: 'a.env' }, { path: 'b.env', track: true }, { path: 'c.env', track: false }]),
    );
    expect(layout.env_files).toEqual(['a.env', 'b.env', 'c.env']);
    expect(layout.tracked_env_files).toEqual(['a.env', 'b.env']);
  });
});
