import { ReferenceInput } from '../config/reference-inputs';
import type { Config } from '../config/diff';

/**
 * A new Builder's type and what it cannot build without: the servers of a Server builder, the
 * agent's address and passkey of an Url one. An Aws builder's instance is set on its page.
 */
export function BuilderCreateFields(props: { config: Config; onChange(config: Config): void }) {
  const { config, onChange } = props;
  const params = (config.params ?? {}) as Config;
  const setParam = (field: string, value: unknown) =>
    onChange({ ...config, params: { ...params, [field]: value } });
  const serverIds = (params.server_ids ?? []) as string[];
  return (
    <>
      <label htmlFor="new-builder-type">Type</label>
      <select
        id="new-builder-type"
        value={String(config.type)}
        onChange={(e) => onChange(newBuilderConfig(e.target.value))}
      >
        <option value="Server">Server: builds on a Server's agent</option>
        <option value="Url">Url: an agent at an address</option>
        <option value="Aws">Aws: an EC2 instance per build</option>
      </select>
      {config.type === 'Server' && (
        <>
          <label htmlFor="new-builder-server">Server</label>
          <ReferenceInput
            id="new-builder-server"
            kind="Server"
            value={serverIds[0] ?? ''}
            onChange={(id) => setParam('server_ids', id ? [id] : [])}
          />
        </>
      )}
      {config.type === 'Url' && (
        <>
          <label htmlFor="new-builder-address">Agent address</label>
          <input
            id="new-builder-address"
            placeholder="https://10.0.0.5:8120"
            value={String(params.address ?? '')}
            onChange={(e) => setParam('address', e.target.value)}
          />
          <label htmlFor="new-builder-passkey">Passkey</label>
          <input
            id="new-builder-passkey"
            type="password"
            autoComplete="off"
            value={String(params.passkey ?? '')}
            onChange={(e) => setParam('passkey', e.target.value)}
          />
        </>
      )}
    </>
  );
}

export function newBuilderConfig(type: string): Config {
  if (type === 'Url') return { type, params: { address: '', passkey: '' } };
  if (type === 'Server') return { type, params: { server_ids: [] } };
  return { type, params: {} };
}
