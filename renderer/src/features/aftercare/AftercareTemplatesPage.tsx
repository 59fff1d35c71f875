import type { AftercareTemplateFamily, AftercareTemplateVersion } from '@contract';
import {
  Alert,
  Button,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/api';
import { PageHeader } from '../../shared/PageHeader';
import { showApiError } from '../../shared/showApiError';
import { activeFirst } from '../catalogue/catalogueUi';
import { SectionHeader } from '../catalogue/SectionHeader';
import { formatDate } from '../clients/format';
import { FamilyActionsCell, FamilyTitleCell, FamilyVersionCell } from '../consents/TemplateFamilyCells';
import { AftercareBlocksView } from './AftercareBlocksView';
import { AftercareEditorModal } from './AftercareEditorModal';

/** The clinic's aftercare sheets: one template per treatment, versioned; view any version, edit, retire. */
export function AftercareTemplatesPage() {
  const [families, setFamilies] = useState<AftercareTemplateFamily[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<AftercareTemplateFamily | null>(null);
  const [editing, setEditing] = useState<AftercareTemplateFamily | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  const load = useCallback(() => {
    api.aftercare
      .templates({})
      .then((list) => {
        setFamilies(list);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const replace = (updated: AftercareTemplateFamily) =>
    setFamilies((list) => list?.map((f) => (f.id === updated.id ? updated : f)) ?? null);

  const toggleRetired = async (family: AftercareTemplateFamily) => {
    const retire = !family.retiredAt;
    setPending(family.id);
    try {
      replace(await api.aftercare.setTemplateRetired({ familyId: family.id, retired: retire }));
      notifications.show({
        color: 'teal',
        title: retire ? 'Retired' : 'Restored',
        message: retire
          ? `${family.title} is retired: printed sheets keep it, new sheets cannot use it.`
          : `${family.title} can be printed again.`,
      });
    } catch (e) {
      showApiError(e);
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Aftercare sheets"
        subtitle="What clients take home after a treatment. Editing saves a new version; every printed sheet keeps the version it was printed from."
      />
      <div style={{ flex: 1, overflow: 'auto', scrollbarGutter: 'stable' }}>
        <Stack p="xl">
          {error ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle />}
              title="The aftercare sheets could not be loaded"
              maw={720}
            >
              <Stack gap="sm" align="flex-start">
                {error}
                <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={load}>
                  Try again
                </Button>
              </Stack>
            </Alert>
          ) : !families ? (
            <Loader aria-label="Loading aftercare sheets" />
          ) : (
            <Paper withBorder component="section" aria-labelledby="aftercare-title">
              <SectionHeader
                id="aftercare-title"
                title="Templates"
                description="Treatments link to a template in the Catalogue. The session’s areas, depths, products and next appointment are added to every sheet."
              />
              <Table
                highlightOnHover
                verticalSpacing="sm"
                horizontalSpacing="lg"
                aria-label="Aftercare templates"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Title</Table.Th>
                    <Table.Th w={170}>Current version</Table.Th>
                    <Table.Th>Treatments</Table.Th>
                    <Table.Th w={140} ta="right">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {activeFirst(families).map((f) => (
                    <Table.Tr key={f.id} data-family={f.code}>
                      <FamilyTitleCell family={f} />
                      <FamilyVersionCell family={f} />
                      <Table.Td>
                        <Text size="sm">{f.treatmentTypes.map((t) => t.name).join(', ') || '—'}</Text>
                      </Table.Td>
                      <FamilyActionsCell
                        family={f}
                        pending={pending === f.id}
                        onView={() => setViewing(f)}
                        onEdit={() => setEditing(f)}
                        onToggleRetired={() => void toggleRetired(f)}
                      />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      </div>
      <VersionsModal family={viewing} onClose={() => setViewing(null)} />
      <AftercareEditorModal
        family={editing}
        onClose={() => setEditing(null)}
        onSaved={(f) => {
          replace(f);
          setEditing(null);
        }}
      />
    </>
  );
}

/** Any version of a template, read-only: old versions stay viewable for sheets printed from them. */
function VersionsModal(props: { family: AftercareTemplateFamily | null; onClose: () => void }) {
  const { family } = props;
  const [versionId, setVersionId] = useState<string | null>(null);
  const [version, setVersion] = useState<AftercareTemplateVersion | null>(null);

  useEffect(() => {
    setVersionId(family?.current.id ?? null);
    setVersion(family?.current ?? null);
  }, [family]);

  useEffect(() => {
    if (!family || !versionId || versionId === version?.id) return;
    api.aftercare
      .template({ id: versionId })
      .then(setVersion)
      .catch((e) => showApiError(e, 'That version could not be loaded'));
  }, [family, versionId, version?.id]);

  return (
    <Modal
      opened={family !== null}
      onClose={props.onClose}
      title={family?.title ?? ''}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {family && (
        <Stack gap="md">
          <Select
            label="Version"
            value={versionId}
            onChange={setVersionId}
            allowDeselect={false}
            data={family.versions.map((v) => ({
              value: v.id,
              label: `Version ${v.version} · ${formatDate(v.createdAt)} · printed ${v.issuedCount} time${v.issuedCount === 1 ? '' : 's'}`,
            }))}
          />
          {version ? (
            <AftercareBlocksView blocks={version.blocks} />
          ) : (
            <Loader aria-label="Loading version" />
          )}
        </Stack>
      )}
    </Modal>
  );
}
