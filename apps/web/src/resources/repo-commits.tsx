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
 * the remote branch when last looked (Refresh), and when it was last cloned or pulled.
 */
export function RepoCommits({ resource }: { resource: object }) {
  const info = infoOf(resource);
  if (!info) return null;
  const pulled = typeof info.last_pulled_at === 'number' ? info.last_pulled_at : 0;
  return (
    <div className="repo-commits" aria-label="Commits">
      <Commit label="Cloned" hash={info.cloned_hash} message={info.cloned_message} />
      <Commit label="Latest" hash={info.latest_hash} message={info.latest_message} />
      {pulled > 0 ? (
        <p className="muted">Last pulled {new Date(pulled).toLocaleString()}</p>
      ) : (
        <p className="muted">Not cloned yet</p>
      )}
    </div>
  );
}

function infoOf(resource: object): Record<string, unknown> | undefined {
  if (!('info' in resource) || typeof resource.info !== 'object' || !resource.info)
    return undefined;
  return { ...resource.info };
}
