import { useState } from 'react';
import { useSession } from '../../api/session';
import { TagsSettings } from './tags-settings';
import { UsersSettings } from './users-settings';
import { VariablesSettings } from './variables-settings';

type Section = 'Tags' | 'Variables' | 'Users';

/** Settings of the whole installation; users are an admin's business. */
export function SettingsPage() {
  const { user } = useSession();
  const sections: Section[] = user.admin ? ['Tags', 'Variables', 'Users'] : ['Tags', 'Variables'];
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
      {section === 'Users' && user.admin && <UsersSettings />}
    </section>
  );
}
