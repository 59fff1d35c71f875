import './consents.css';
import type { ConsentTemplateFamily } from '@contract';
import { Alert, Button, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileCertificate, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/api';
import { EmptyState } from '../../shared/EmptyState';
import { PageHeader } from '../../shared/PageHeader';
import { ShortcutHint } from '../../shared/ShortcutHint';
import { showApiError } from '../../shared/showApiError';
import { activeFirst } from '../catalogue/catalogueUi';
import { SectionHeader } from '../catalogue/SectionHeader';
import { KIND_LABELS } from './consentFormat';
import { FamilyActionsCell, FamilyTitleCell, FamilyVersionCell } from './TemplateFamilyCells';
import { TemplateViewModal } from './TemplateViewModal';

/** The clinic's consent forms: every family, its current version, the treatments using it; view, edit, retire. */
export function ConsentFormsPage() {
  const navigate = useNavigate();
  const [families, setFamilies] = useState<ConsentTemplateFamily[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<ConsentTemplateFamily | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  const load = useCallback(() => {
    api.consents
      .templates({})
      .then((list) => {
        setFamilies(list);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  useHotkeys([['mod+N', () => navigate('/consent-forms/new')]], []);

  const toggleRetired = async (family: ConsentTemplateFamily) => {
    const retire = !family.retiredAt;
    setPending(family.id);
    try {
      const updated = await api.consents.setTemplateRetired({ familyId: family.id, retired: retire });
      setFamilies((list) => list?.map((f) => (f.id === updated.id ? updated : f)) ?? null);
      notifications.show({
        color: 'teal',
        title: retire ? 'Retired' : 'Restored',
        message: retire
          ? `${family.title} is retired: signed consents keep it, new consents no longer use it.`
          : `${family.title} is offered for new consents again.`,
      });
    } catch (e) {
      showApiError(e, retire ? `${family.title} was not retired` : `${family.title} was not restored`);
    } finally {
      setPending(null);
    }
  };

  const edit = (f: ConsentTemplateFamily) => navigate(`/consent-forms/${f.id}/edit`);
  const newButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      rightSection={<ShortcutHint keys="N" />}
      onClick={() => navigate('/consent-forms/new')}
    >
      New form
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Consent forms"
        subtitle="The forms clients sign. Editing a form saves a new version; signed consents keep the exact text they were signed on, and every version stays viewable."
        actions={newButton}
      />
      <div style={{ flex: 1, overflow: 'auto', scrollbarGutter: 'stable' }}>
        <Stack p="xl">
          {error ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle />}
              title="The consent forms could not be loaded"
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
            <Loader aria-label="Loading consent forms" />
          ) : (
            <Paper withBorder component="section" aria-labelledby="consent-forms-title">
              <SectionHeader
                id="consent-forms-title"
                title="Forms"
                description="Treatments link to a form in the Catalogue. The photography consent is separate and sets how a client’s photos may be used. Retired forms stay on signed records but are not offered for new consents."
              />
              {families.length === 0 ? (
                <EmptyState
                  icon={<IconFileCertificate size={28} />}
                  title="No consent forms"
                  action={newButton}
                >
                  Create the first form. The standard forms are added when Dermachart is first set up.
                </EmptyState>
              ) : (
                <Table.ScrollContainer minWidth={900}>
                  <Table
                    highlightOnHover
                    verticalSpacing="sm"
                    horizontalSpacing="lg"
                    aria-label="Consent forms"
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Title</Table.Th>
                        <Table.Th w={120}>Kind</Table.Th>
                        <Table.Th w={170}>Current version</Table.Th>
                        <Table.Th w={130}>Valid for</Table.Th>
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
                          <Table.Td>
                            <Text size="sm">{KIND_LABELS[f.kind]}</Text>
                          </Table.Td>
                          <FamilyVersionCell family={f} />
                          <Table.Td>
                            <Text size="sm">
                              {f.current.expiryMonths ? `${f.current.expiryMonths} months` : 'Until revoked'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {f.kind === 'photo'
                                ? 'All photos'
                                : f.treatmentTypes.map((t) => t.name).join(', ') || '—'}
                            </Text>
                          </Table.Td>
                          <FamilyActionsCell
                            family={f}
                            pending={pending === f.id}
                            onView={() => setViewing(f)}
                            onEdit={() => edit(f)}
                            onToggleRetired={() => void toggleRetired(f)}
                          />
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          )}
        </Stack>
      </div>
      <TemplateViewModal family={viewing} onClose={() => setViewing(null)} onEdit={edit} />
    </>
  );
}
