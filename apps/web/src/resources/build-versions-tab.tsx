import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import { Time } from '../components/time';
import { versionText } from './build-info';

/** Every version the Build has built, newest first (`ListBuildVersions`), read again on its Updates. */
export function BuildVersionsTab({ id, version }: { id: string; version: number }) {
  const { api } = useSession();
  const versions = useRequest(
    () => api.read('ListBuildVersions', { build: id }),
    [api, id, version],
  );
  return (
    <div>
      <ErrorNote error={versions.error} />
      {versions.data?.length === 0 && <p className="muted">Nothing built yet.</p>}
      {!!versions.data?.length && (
        <table aria-label="Versions">
          <thead>
            <tr>
              <th>version</th>
              <th>built</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.map((v) => (
              <tr key={`${versionText(v.version)}-${v.ts}`} data-version={versionText(v.version)}>
                <td>{versionText(v.version)}</td>
                <td>
                  <Time ms={v.ts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
