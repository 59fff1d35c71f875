import type { ConsentTemplateFamily, ConsentTemplateVersion } from '@contract';
import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { WARNING_BADGE_TEXT } from '../catalogue/catalogueUi';
import { formatDate } from '../clients/format';
import { ConsentBlocksView } from './ConsentBlocksView';
import { KIND_LABELS } from './consentFormat';

/** Any version of a form, read-only, with its placeholders shown as placeholders. Old versions stay viewable. */
export function TemplateViewModal(props: {
  family: ConsentTemplateFamily | null;
  onClose: () => void;
  onEdit: (family: ConsentTemplateFamily) => void;
}) {
  const { family } = props;
  const [versionId, setVersionId] = useState<string | null>(null);
  const [version, setVersion] = useState<ConsentTemplateVersion | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setVersionId(family?.current.id ?? null);
  }, [family]);
  useEffect(() => {
    if (!versionId) return;
    setError(null);
    if (family && versionId === family.current.id) {
      setVersion(family.current);
      return;
    }
    api.consents
      .template({ id: versionId })
      .then(setVersion)
      .catch((e: Error) => setError(e.message));
  }, [versionId, family]);

  const versions = [...(family?.versions ?? [])].sort((a, b) => b.version - a.version);
  const shown = version && version.id === versionId ? version : null;

  return (
    <Modal
      opened={family !== null}
      onClose={props.onClose}
      title={family ? family.title : ''}
      size="xl"
      centered
    >
      {family && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <Select
              label="Version"
              w={360}
              allowDeselect={false}
              value={versionId}
              onChange={setVersionId}
              data={versions.map((v) => ({
                value: v.id,
                label: `Version ${v.version} · ${formatDate(v.createdAt)} · ${v.signedCount} signed${v.id === family.current.id ? ' · current' : ''}`,
              }))}
            />
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => props.onEdit(family)}
              disabled={Boolean(family.retiredAt)}
            >
              Edit (creates version {Math.max(...versions.map((v) => v.version)) + 1})
            </Button>
          </Group>
          {error ? (
            <Alert color="red" icon={<IconAlertTriangle />} title="This version could not be loaded">
              {error}
            </Alert>
          ) : !shown ? (
            <Loader aria-label="Loading the version" />
          ) : (
            <>
              <Group gap="xs">
                <Badge variant="light" color="gray" radius="sm">
                  {KIND_LABELS[shown.kind]}
                </Badge>
                <Badge variant="outline" color="gray" radius="sm">
                  Version {shown.version}
                </Badge>
                {shown.id !== family.current.id && (
                  <Badge variant="light" color="orange" radius="sm" c={WARNING_BADGE_TEXT}>
                    Not the current version
                  </Badge>
                )}
                <Text size="sm" c="dimmed">
                  {shown.expiryMonths ? `Valid for ${shown.expiryMonths} months` : 'Valid until revoked'} ·
                  created {formatDate(shown.createdAt)}
                </Text>
              </Group>
              <div data-testid="template-version-text" data-version={shown.version}>
                <Text fw={600} size="lg" mb="sm" dir="auto">
                  {shown.title}
                </Text>
                <ConsentBlocksView blocks={shown.blocks} showPlaceholders />
              </div>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
