import {
  CLIENT_SORTS,
  type ClientSort,
  type ClientStatus,
  type ClientSummary,
  fitzpatrickLabel,
} from '@contract';
import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Skeleton,
  Text,
  TextInput,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../shared/EmptyState';
import { PageHeader } from '../../shared/PageHeader';
import { ShortcutHint } from '../../shared/ShortcutHint';
import { rowAt, useClientList } from './clientListStore';
import { ageOn, clientDisplayName, formatDate } from './format';

// The list is an ARIA grid of absolutely positioned rows (virtualised, so <table> layout cannot be used):
// focus stays on the grid and aria-activedescendant marks the row, hence the a11y lint overrides for this
// file in biome.json. axe-core checks the result in the end-to-end tests.
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 36;
const SORT_LABELS: Record<ClientSort, string> = {
  'name-asc': 'Name A–Z',
  'name-desc': 'Name Z–A',
  'updated-desc': 'Recently updated',
  'created-desc': 'Newest first',
};

export function ClientListPage() {
  const navigate = useNavigate();
  const list = useClientList();
  const [draft, setDraft] = useState(list.query);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const total = list.total ?? 0;

  // Reload on every visit, so edits made elsewhere show up.
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once per mount
  useEffect(() => list.refresh(), []);

  // Type-ahead: search as the practitioner types, without a request per keystroke.
  useEffect(() => {
    if (draft === useClientList.getState().query) return;
    const timer = setTimeout(() => {
      list.setQuery(draft);
      setActive(0);
      scrollRef.current?.scrollTo({ top: 0 });
    }, 80);
    return () => clearTimeout(timer);
  }, [draft, list]);

  useHotkeys([['mod+N', () => navigate('/clients/new')]], []);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows start below the sticky header inside the same scroll container.
    scrollMargin: HEADER_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) list.ensureRows(first, last);
  }, [first, last, total, list]);

  const open = (index: number) => {
    const client = rowAt(list.pages, index);
    if (client) navigate(`/clients/${client.id}`);
  };

  const onGridKey = (event: KeyboardEvent) => {
    const move = (to: number) => {
      event.preventDefault();
      const next = Math.max(0, Math.min(total - 1, to));
      setActive(next);
      virtualizer.scrollToIndex(next);
    };
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    if (event.key === 'ArrowDown') move(active + 1);
    else if (event.key === 'ArrowUp') {
      if (active === 0) {
        event.preventDefault();
        searchRef.current?.focus();
      } else move(active - 1);
    } else if (event.key === 'PageDown') move(active + page);
    else if (event.key === 'PageUp') move(active - page);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(total - 1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    }
  };

  const activeClient = rowAt(list.pages, active);
  const filtered = list.query.trim() !== '' || list.status !== 'active';

  return (
    <>
      <PageHeader
        title="Clients"
        subtitle={
          list.total === null
            ? 'Loading…'
            : list.capped
              ? `More than ${total.toLocaleString()} matches: showing the first ${total.toLocaleString()}; keep typing to narrow the search`
              : `${total.toLocaleString()} ${countLabel(list.status, total)}`
        }
        actions={
          <Button
            leftSection={<IconUserPlus size={16} />}
            rightSection={<ShortcutHint keys="N" />}
            onClick={() => navigate('/clients/new')}
          >
            New client
          </Button>
        }
      />
      <Group px="xl" py="sm" gap="sm" wrap="nowrap">
        <TextInput
          ref={searchRef}
          autoFocus
          style={{ flex: 1 }}
          leftSection={<IconSearch size={16} aria-hidden />}
          placeholder="Search by name, email or phone (last digits work too)"
          aria-label="Search clients"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && total > 0) {
              e.preventDefault();
              scrollRef.current?.focus();
            } else if (e.key === 'Enter' && total > 0) {
              open(active);
            } else if (e.key === 'Escape' && draft) {
              setDraft('');
            }
          }}
        />
        <SegmentedControl
          aria-label="Show clients"
          value={list.status}
          onChange={(v) => {
            list.setStatus(v as ClientStatus);
            setActive(0);
          }}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'archived', label: 'Archived' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Select
          aria-label="Sort clients"
          w={190}
          allowDeselect={false}
          value={list.sort}
          onChange={(v) => v && list.setSort(v as ClientSort)}
          data={CLIENT_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
        />
      </Group>

      {list.error && (
        <Alert
          mx="xl"
          mb="sm"
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title="The client list could not load"
        >
          {list.error}
        </Alert>
      )}

      {list.total === 0 ? (
        filtered ? (
          <EmptyState icon={<IconSearch size={28} />} title="No matching clients">
            {list.query.trim()
              ? `Nobody matches “${list.query.trim()}”${list.status === 'active' ? ' among active clients. Try “All” to include archived clients.' : '.'}`
              : 'There are no archived clients.'}
          </EmptyState>
        ) : (
          <EmptyState
            icon={<IconUsers size={28} />}
            title="No clients yet"
            action={
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => navigate('/clients/new')}>
                Add your first client
              </Button>
            }
          >
            Client records, medical histories and alerts will appear here. To explore with fictional data,
            load the demo clinic (see the README).
          </EmptyState>
        )
      ) : (
        <div
          role="grid"
          aria-label="Clients"
          aria-rowcount={total + 1}
          aria-activedescendant={activeClient ? `client-row-${active}` : undefined}
          ref={scrollRef}
          tabIndex={0}
          onKeyDown={onGridKey}
          data-testid="client-list-scroll"
          style={{ flex: 1, minHeight: 0, overflow: 'auto', outlineOffset: -2 }}
        >
          <div
            className="client-row"
            data-header
            role="row"
            aria-rowindex={1}
            style={{ height: HEADER_HEIGHT, position: 'sticky', top: 0, zIndex: 1 }}
          >
            <span role="columnheader">Name</span>
            <span role="columnheader">Date of birth</span>
            <span role="columnheader">Skin</span>
            <span role="columnheader">Phone</span>
            <span role="columnheader">Email</span>
            <span role="columnheader">Status</span>
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <ClientRow
                key={item.key}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                client={rowAt(list.pages, item.index)}
                selected={item.index === active}
                onOpen={() => {
                  setActive(item.index);
                  open(item.index);
                }}
              />
            ))}
          </div>
        </div>
      )}
    </>
  );
}

function countLabel(status: ClientStatus, total: number) {
  const noun = total === 1 ? 'client' : 'clients';
  return status === 'active' ? `active ${noun}` : status === 'archived' ? `archived ${noun}` : noun;
}

function ClientRow(props: {
  index: number;
  top: number;
  client: ClientSummary | undefined;
  selected: boolean;
  onOpen: () => void;
}) {
  const { client } = props;
  return (
    <div
      id={`client-row-${props.index}`}
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      className="client-row"
      onClick={props.onOpen}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${props.top}px)`,
      }}
    >
      {client ? (
        <>
          <span role="gridcell">
            <Text span fw={600} size="sm">
              {client.lastName}
            </Text>
            , {client.firstName}
            {client.preferredName && client.preferredName !== client.firstName && (
              <Text span c="dimmed" size="sm">
                {' '}
                ({client.preferredName})
              </Text>
            )}
          </span>
          <span role="gridcell" title={clientDisplayName(client)}>
            {formatDate(client.dateOfBirth)}
            {client.dateOfBirth && (
              <Text span c="dimmed" size="xs">
                {' '}
                · {ageOn(client.dateOfBirth)}
              </Text>
            )}
          </span>
          <span role="gridcell">{client.fitzpatrick ? fitzpatrickLabel(client.fitzpatrick) : '—'}</span>
          <span role="gridcell">{client.phone ?? '—'}</span>
          <span role="gridcell">{client.email ?? '—'}</span>
          <span role="gridcell">
            <Badge color={client.archivedAt ? 'gray' : undefined} variant="light" size="sm">
              {client.archivedAt ? 'Archived' : 'Active'}
            </Badge>
          </span>
        </>
      ) : (
        <span role="gridcell" style={{ gridColumn: '1 / -1' }}>
          <Skeleton height={12} width="40%" />
        </span>
      )}
    </div>
  );
}
