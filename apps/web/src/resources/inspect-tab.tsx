import type { InspectDeploymentContainerDto } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';

/**
 * The deployment's container as Docker inspects it (Komodo's Container), secrets masked by the
 * core. It needs the Inspect permission: without it the refusal says so.
 */
export function InspectTab({ id, version }: { id: string; version: number }) {
  const { api } = useSession();
  const container = useRequest(() => {
    const params: InspectDeploymentContainerDto = { deployment: id };
    return api.read('InspectDeploymentContainer', params);
  }, [api, id, version]);
  return (
    <div className="log">
      <div className="buttons">
        <button type="button" onClick={container.reload}>
          Refresh
        </button>
      </div>
      <ErrorNote error={container.error} />
      {container.data !== undefined && (
        <pre className="stdout" aria-label="Container inspect">
          {JSON.stringify(container.data, null, 2)}
        </pre>
      )}
    </div>
  );
}
