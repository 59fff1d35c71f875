import type { ClientDetail, Photo } from '@contract';
import { Alert, Badge, Button, Group, Loader, Tabs, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArchive,
  IconArchiveOff,
  IconClipboardHeart,
  IconEdit,
  IconFileCertificate,
  IconFileText,
  IconLayoutDashboard,
  IconPhoto,
  IconStethoscope,
} from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/api';
import { PageHeader } from '../../shared/PageHeader';
import { ShortcutHint } from '../../shared/ShortcutHint';
import { showApiError } from '../../shared/showApiError';
import { ConsentsTab } from '../consents/ConsentsTab';
import { DocumentsTab } from '../documents/DocumentsTab';
import { MedicalHistoryTab } from '../history/MedicalHistoryTab';
import { CompareLauncher } from '../photos/CompareLauncher';
import { PhotosTab } from '../photos/PhotosTab';
import { SessionsTab } from '../sessions/SessionsTab';
import { StartSessionModal } from '../sessions/StartSessionModal';
import { ageOn, clientDisplayName, fitzpatrickText, formatDate } from './format';
import { OverviewTab } from './OverviewTab';

const TABS = ['overview', 'sessions', 'photos', 'consents', 'documents', 'history'] as const;

export function ClientWorkspace() {
  const { clientId = '', tab = 'overview' } = useParams();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<ClientDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.clients
      .get({ id: clientId })
      .then((d) => {
        setDetail(d);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [clientId]);
  useEffect(load, [load]);

  const [starting, setStarting] = useState(false);
  const [comparing, setComparing] = useState<[Photo, Photo] | null>(null);
  const closeCompare = useCallback(() => setComparing(null), []);
  useHotkeys(
    [
      ['mod+E', () => navigate(`/clients/${clientId}/edit`)],
      ['mod+N', () => detail?.client.archivedAt === null && setStarting(true)],
    ],
    [],
  );

  if (error) {
    return (
      <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="This client could not be opened">
        {error}
      </Alert>
    );
  }
  if (!detail || detail.client.id !== clientId) return <Loader m="xl" aria-label="Loading client" />;

  const { client } = detail;
  const archived = client.archivedAt !== null;
  const age = ageOn(client.dateOfBirth);

  const toggleArchive = () =>
    modals.openConfirmModal({
      title: archived ? 'Restore this client?' : 'Archive this client?',
      children: (
        <Text size="sm">
          {archived
            ? `${clientDisplayName(client)} will be listed with active clients again.`
            : `${clientDisplayName(client)} will be hidden from the active list. Nothing is deleted: the record, history and alerts stay, and you can restore the client at any time.`}
        </Text>
      ),
      labels: { confirm: archived ? 'Restore' : 'Archive', cancel: 'Cancel' },
      confirmProps: { color: archived ? 'teal' : 'orange' },
      onConfirm: async () => {
        try {
          await (archived ? api.clients.restore({ id: client.id }) : api.clients.archive({ id: client.id }));
          notifications.show({
            color: 'teal',
            title: archived ? 'Restored' : 'Archived',
            message: `${clientDisplayName(client)} ${archived ? 'is active again' : 'is archived'}.`,
          });
          load();
        } catch (e) {
          showApiError(e);
        }
      },
    });

  const subtitle = [
    client.dateOfBirth ? `Born ${formatDate(client.dateOfBirth)} (${age})` : null,
    client.fitzpatrick ? `Fitzpatrick ${fitzpatrickText(client.fitzpatrick).replace('Type ', '')}` : null,
    client.phone,
    client.email,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader
        title={clientDisplayName(client)}
        subtitle={subtitle || 'No details yet'}
        badges={
          <>
            {archived && (
              <Badge color="gray" variant="filled">
                Archived
              </Badge>
            )}
            {detail.alerts.some((a) => a.severity === 'contraindication') && (
              <Badge color="red" variant="light">
                {detail.alerts.filter((a) => a.severity === 'contraindication').length} contraindication(s)
              </Badge>
            )}
          </>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
              onClick={toggleArchive}
            >
              {archived ? 'Restore' : 'Archive'}
            </Button>
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              rightSection={<ShortcutHint keys="E" />}
              onClick={() => navigate(`/clients/${client.id}/edit`)}
            >
              Edit details
            </Button>
            <Button
              leftSection={<IconStethoscope size={16} />}
              rightSection={<ShortcutHint keys="N" />}
              disabled={archived}
              onClick={() => setStarting(true)}
            >
              Start session
            </Button>
          </>
        }
      />
      <StartSessionModal clientId={client.id} opened={starting} onClose={() => setStarting(false)} />
      {comparing && (
        <CompareLauncher
          clientId={client.id}
          initial={comparing}
          onClose={closeCompare}
          archived={archived}
        />
      )}
      <Tabs
        value={TABS.includes(tab as (typeof TABS)[number]) ? tab : 'overview'}
        onChange={(value) => navigate(`/clients/${client.id}/${value}`, { replace: true })}
        keepMounted={false}
        style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
      >
        <Tabs.List px="xl">
          <Tabs.Tab value="overview" leftSection={<IconLayoutDashboard size={16} />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="sessions" leftSection={<IconStethoscope size={16} />}>
            Sessions
          </Tabs.Tab>
          <Tabs.Tab value="photos" leftSection={<IconPhoto size={16} />}>
            Photos
          </Tabs.Tab>
          <Tabs.Tab value="consents" leftSection={<IconFileCertificate size={16} />}>
            Consents
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFileText size={16} />}>
            Documents
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconClipboardHeart size={16} />}>
            <Group gap={6} wrap="nowrap">
              Medical history
              {!detail.historyRecordedAt && (
                <Text span size="xs" fw={600} c="red.9">
                  missing
                </Text>
              )}
            </Group>
          </Tabs.Tab>
        </Tabs.List>
        <div style={{ flex: 1, overflow: 'auto' }}>
          <Tabs.Panel value="overview">
            <OverviewTab detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="sessions">
            <SessionsTab clientId={client.id} archived={archived} onStart={() => setStarting(true)} />
          </Tabs.Panel>
          <Tabs.Panel value="photos" h="100%">
            <PhotosTab clientId={client.id} archived={archived} onCompare={(a, b) => setComparing([a, b])} />
          </Tabs.Panel>
          <Tabs.Panel value="consents">
            <ConsentsTab
              clientId={client.id}
              clientName={`${client.firstName} ${client.lastName}`}
              archived={archived}
            />
          </Tabs.Panel>
          <Tabs.Panel value="documents">
            <DocumentsTab clientId={client.id} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <MedicalHistoryTab clientId={client.id} onSaved={load} />
          </Tabs.Panel>
        </div>
      </Tabs>
    </>
  );
}
