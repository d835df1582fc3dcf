import { createContext, useContext } from 'react';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { cloudAccountChoices } from './cloud-account-choices';

/** The provider of the ServerTemplate whose form this is (its config's `type`). */
export const CloudProviderContext = createContext<unknown>(undefined);

interface Props {
  id: string;
  value: string;
  readOnly?: boolean;
  onChange(value: string): void;
}

/**
 * A ServerTemplate's `cloud_account`: the core's credentials or an account of the template's
 * provider, by name (what the template stores). Read when the form shows it.
 */
export function CloudAccountInput({ id, value, readOnly, onChange }: Props) {
  const { api } = useSession();
  const provider = useContext(CloudProviderContext);
  const accounts = useRequest(() => api.read('ListCloudAccounts', {}), [api]);
  const choices = cloudAccountChoices(accounts.data ?? [], provider, value);
  return (
    <select id={id} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
