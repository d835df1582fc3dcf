import { useState } from 'react';
import { useSession } from '../../api/session';
import { AccountsSettings } from './accounts-settings';
import { CloudAccountsSettings } from './cloud-accounts-settings';
import { EventSubscriptionsSettings } from './event-subscriptions-settings';
import { TagsSettings } from './tags-settings';
import { UserGroupsSettings } from './user-groups-settings';
import { UsersSettings } from './users-settings';
import { VariablesSettings } from './variables-settings';

type Section =
  | 'Tags'
  | 'Variables'
  | 'Git accounts'
  | 'Registry accounts'
  | 'Cloud accounts'
  | 'Users'
  | 'Groups'
  | 'Webhooks';

/** Settings of the whole installation; users and groups are an admin's business. */
export function SettingsPage() {
  const { user } = useSession();
  const sections: Section[] = [
    'Tags',
    'Variables',
    'Git accounts',
    'Registry accounts',
    'Cloud accounts',
  ];
  if (user.admin) sections.push('Users', 'Groups', 'Webhooks');
  const [section, setSection] = useState<Section>('Tags');
  return (
    <section>
      <h1>Settings</h1>
      <nav className="tabs" role="tablist">
        {sections.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={section === s}
            onClick={() => setSection(s)}
          >
            {s}
          </button>
        ))}
      </nav>
      {section === 'Tags' && <TagsSettings />}
      {section === 'Variables' && <VariablesSettings />}
      {section === 'Git accounts' && <AccountsSettings key="git" type="GitProviderAccount" />}
      {section === 'Registry accounts' && (
        <AccountsSettings key="registry" type="ImageRegistryAccount" />
      )}
      {section === 'Cloud accounts' && <CloudAccountsSettings />}
      {section === 'Users' && user.admin && <UsersSettings />}
      {section === 'Groups' && user.admin && <UserGroupsSettings />}
      {section === 'Webhooks' && user.admin && <EventSubscriptionsSettings />}
    </section>
  );
}
