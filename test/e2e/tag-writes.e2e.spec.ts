import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { enabledUser, expectRefused } from '../support/security';

type TagAnswer = { _id: { $oid: string }; name: string; color: string; owner: string };

/** Anyone may create a tag; only its owner or an admin may rename, recolour or delete it. */
describe('tag writes', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
  });
  afterAll(() => monitor.destroy());

  it("lets a tag's owner change and delete it, refusing everyone else and changing nothing", async () => {
    const { client: owner } = await enabledUser(monitor, 'tag-owner');
    const { client: other } = await enabledUser(monitor, 'tag-other');
    const tag = await owner.write<TagAnswer>('CreateTag', { name: 'owned' });
    const id = tag._id.$oid;

    const message = /only the tag's owner or an admin may change tag 'owned'/;
    await expectRefused(other, 'write', 'RenameTag', { id, name: 'taken' }, 403, message);
    await expectRefused(
      other,
      'write',
      'UpdateTagColor',
      { tag: 'owned', color: 'Red' },
      403,
      message,
    );
    await expectRefused(other, 'write', 'DeleteTag', { id }, 403, message);
    expect(await monitor.admin.read<TagAnswer>('GetTag', { tag: id })).toEqual(tag);

    const renamed = await owner.write<TagAnswer>('RenameTag', { id, name: 'mine' });
    expect(renamed).toMatchObject({ name: 'mine', owner: tag.owner });
    const deleted = await owner.write<TagAnswer>('DeleteTag', { id });
    expect(deleted).toMatchObject({ _id: { $oid: id }, name: 'mine' });
    expect((await monitor.admin.read<TagAnswer[]>('ListTags')).map((t) => t.name)).not.toContain(
      'mine',
    );
  });
});
