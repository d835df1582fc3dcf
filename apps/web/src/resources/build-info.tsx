import type { KindListItem } from '../kinds';
import { Time } from '../components/time';

/** A Build's version as Komodo writes it: 1.2.3. */
export function versionText(v: { major: number; minor: number; patch: number }): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/**
 * What a Build's runs recorded, as `ListBuilds` gives it: the version of the last image built (or
 * the configured one before any), when, from which commit, and where its source is.
 */
export function BuildInfo({ item }: { item: KindListItem | undefined }) {
  if (!item || !('dockerfile_contents' in item.info)) return null;
  const info = item.info;
  const source = info.dockerfile_contents
    ? 'Dockerfile written here'
    : info.linked_repo_name
      ? `Repo ${info.linked_repo_name}`
      : info.repo && `${info.repo} (${info.branch})`;
  return (
    <dl className="facts build-info" aria-label="Build">
      <dt>version</dt>
      <dd data-fact="version">{versionText(info.version)}</dd>
      <dt>last built</dt>
      <dd data-fact="last-built">
        <Time ms={info.last_built_at} />
      </dd>
      <dt>built commit</dt>
      <dd data-fact="built-hash">
        {info.built_hash ? <code>{info.built_hash}</code> : <span className="muted">—</span>}
        {info.latest_hash && info.latest_hash !== info.built_hash && (
          <span className="muted"> (latest {info.latest_hash})</span>
        )}
      </dd>
      {source && (
        <>
          <dt>source</dt>
          <dd>{source}</dd>
        </>
      )}
    </dl>
  );
}
