import { useState } from 'react';
import { useSession } from '../../api/session';
import { AccountsSettings } from './accounts-settings';
import { TagsSettings } from './tags-settings';
import { UsersSettings } from './users-settings';
import { VariablesSettings } from './variables-settings';

type Section = 'Tags' | 'Variables' | 'Git accounts' | 'Registry accounts' | 'Users';

/** Settings of the whole installation; users are an admin's business. */
export function SettingsPage() {
  const { user } = useSession();
  const sections: Section[] = ['Tags', 'Variables', 'Git accounts', 'Registry accounts'];
  if (user.admin) sections.push('Users');
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
      {section === 'Users' && user.admin && <UsersSettings />}
    </section>
  );
}
