import type { ClientSummary } from '@contract';
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconSearch, IconUser, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/api';
import { clientDisplayName, formatDate } from '../features/clients/format';

/** Ctrl/Cmd+K from anywhere, even while typing in a form: find a client by name, email or phone. */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ClientSummary[]>([]);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const { items } = await api.clients.search({ query, status: 'all', sort: 'name-asc', limit: 8 });
        if (!cancelled) setResults(items);
      } catch {
        if (!cancelled) setResults([]);
      }
    }, 60);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  const actions: SpotlightActionData[] = [
    ...results.map((c) => ({
      id: c.id,
      label: clientDisplayName(c),
      description: [
        c.dateOfBirth && `born ${formatDate(c.dateOfBirth)}`,
        c.phone,
        c.email,
        c.archivedAt && 'archived',
      ]
        .filter(Boolean)
        .join(' · '),
      leftSection: <IconUser size={18} aria-hidden />,
      onClick: () => navigate(`/clients/${c.id}`),
    })),
    {
      id: 'new-client',
      label: 'New client',
      description: 'Create a client record',
      leftSection: <IconUserPlus size={18} aria-hidden />,
      onClick: () => navigate('/clients/new'),
    },
  ];

  return (
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      // Results are already filtered by the database; the spotlight must not filter them again.
      filter={(_q, a) => a}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      nothingFound="No client matches"
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{
        leftSection: <IconSearch size={18} aria-hidden />,
        placeholder: 'Name, email or phone…',
        'aria-label': 'Find a client',
      }}
    />
  );
}
