import { useState, type FormEvent } from 'react';
import type { CreateResourceDto, ResourceKind } from '@monitor/contracts';
import { useSession } from '../api/session';
import { resourcePath, type KindSpec } from '../kinds';
import type { Config } from '../config/diff';
import { ReferenceInput } from '../config/reference-inputs';
import { Dialog } from '../components/dialog';
import { ErrorNote } from '../components/error-note';
import { navigate } from '../router';
import { BuilderCreateFields, newBuilderConfig } from './builder-create-fields';

/**
 * A name and the few fields a kind is useless without; the rest is edited on the resource page
 * once it exists.
 */
export function CreateResourceDialog({ spec, onClose }: { spec: KindSpec; onClose(): void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [config, setConfig] = useState<Config>(() => initialConfig(spec.kind));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const needsServer = ['Deployment', 'Stack', 'Builder'].includes(spec.kind);
  const set = (field: string, value: unknown) => setConfig((c) => ({ ...c, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const params: CreateResourceDto = { name, config };
      const created = await api.write(spec.requests.create, params);
      onClose();
      navigate(resourcePath(spec.kind, created._id.$oid));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`New ${spec.kind}`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="stacked">
        <label htmlFor="new-name">Name</label>
        <input
          id="new-name"
          value={name}
          required
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
        {spec.kind === 'Server' && (
          <>
            <label htmlFor="new-address">Agent address</label>
            <input
              id="new-address"
              placeholder="https://10.0.0.5:8120"
              value={String(config.address)}
              onChange={(e) => set('address', e.target.value)}
            />
            <label htmlFor="new-passkey">Passkey</label>
            <input
              id="new-passkey"
              type="password"
              autoComplete="off"
              value={String(config.passkey)}
              onChange={(e) => set('passkey', e.target.value)}
            />
            <label className="inline">
              <input
                id="new-enabled"
                type="checkbox"
                checked={Boolean(config.enabled)}
                onChange={(e) => set('enabled', e.target.checked)}
              />{' '}
              Enabled (polled and usable at once)
            </label>
          </>
        )}
        {spec.kind === 'Builder' && <BuilderCreateFields config={config} onChange={setConfig} />}
        {needsServer && spec.kind !== 'Builder' && (
          <>
            <label htmlFor="new-server">Server</label>
            <ReferenceInput
              id="new-server"
              kind="Server"
              value={String(config.server_id)}
              onChange={(id) => set('server_id', id)}
            />
          </>
        )}
        {spec.kind === 'Deployment' && (
          <>
            <label htmlFor="new-image">Image</label>
            <input
              id="new-image"
              placeholder="nginx:1.27"
              value={(config.image as { params: { image: string } }).params.image}
              onChange={(e) => set('image', { type: 'Image', params: { image: e.target.value } })}
            />
          </>
        )}
        <ErrorNote error={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            Create
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function initialConfig(kind: ResourceKind): Config {
  switch (kind) {
    case 'Server':
      return { address: '', passkey: '', enabled: true };
    case 'Deployment':
      return { server_id: '', image: { type: 'Image', params: { image: '' } } };
    case 'Stack':
      return { server_id: '' };
    case 'Builder':
      return newBuilderConfig('Server');
    default:
      return {};
  }
}
