/** A commit as the Repo's info gives it: the short hash, then the message. */
function Commit({ label, hash, message }: { label: string; hash: unknown; message: unknown }) {
  if (typeof hash !== 'string' || !hash) return null;
  return (
    <p className="muted">
      {label}: <code>{hash.slice(0, 8)}</code>
      {typeof message === 'string' && message ? ` ${message}` : ''}
    </p>
  );
}

/**
 * What the Repo's runs recorded (`GetRepo`'s info): the commit its folder holds, the newest on
 * the remote branch when last looked (Refresh), the one its last build on a Builder used, and
 * when it was last cloned or pulled, and built.
 */
export function RepoCommits({ resource }: { resource: object }) {
  const info = infoOf(resource);
  if (!info) return null;
  const pulled = typeof info.last_pulled_at === 'number' ? info.last_pulled_at : 0;
  const built = typeof info.last_built_at === 'number' ? info.last_built_at : 0;
  return (
    <div className="repo-commits" aria-label="Commits">
      <Commit label="Cloned" hash={info.cloned_hash} message={info.cloned_message} />
      <Commit label="Latest" hash={info.latest_hash} message={info.latest_message} />
      <Commit label="Built" hash={info.built_hash} message={info.built_message} />
      {pulled > 0 ? (
        <p className="muted">Last pulled {new Date(pulled).toLocaleString()}</p>
      ) : (
        <p className="muted">Not cloned yet</p>
      )}
      {built > 0 && <p className="muted">Last built {new Date(built).toLocaleString()}</p>}
    </div>
  );
}

function infoOf(resource: object): Record<string, unknown> | undefined {
  if (!('info' in resource) || typeof resource.info !== 'object' || !resource.info)
    return undefined;
  return { ...resource.info };
}
