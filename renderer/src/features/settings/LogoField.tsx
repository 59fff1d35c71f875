import { type ClinicProfile, clinicLogoUrl } from '@contract';
import { Button, Card, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/api';
import { showApiError } from '../../shared/showApiError';

/** The clinic's logo for document headers: chosen from a file, scaled and stored by the core. */
export function LogoField(props: { profile: ClinicProfile; onChange: (p: ClinicProfile) => void }) {
  const [busy, setBusy] = useState(false);
  const sha = props.profile.settings.logoSha256;

  const choose = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      props.onChange(await api.settings.setLogo({ bytes, fileName: file.name }));
    } catch (e) {
      showApiError(e, 'The logo was not changed');
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      props.onChange(await api.settings.clearLogo({}));
    } catch (e) {
      showApiError(e, 'The logo was not removed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg" aria-labelledby="logo-heading">
      <Stack gap="md">
        <Title order={3} size="h4" id="logo-heading">
          Logo
        </Title>
        <Group gap="lg" align="center" wrap="nowrap">
          <div className="logo-frame">
            {sha ? (
              <Image src={clinicLogoUrl(sha)} alt="Clinic logo" fit="contain" h={72} w={216} />
            ) : (
              <Text size="sm" c="dimmed">
                No logo
              </Text>
            )}
          </div>
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              PNG, JPEG or WebP. It is scaled to fit the top of each page.
            </Text>
            <Group gap="sm">
              <FileButton onChange={choose} accept="image/png,image/jpeg,image/webp">
                {(p) => (
                  <Button {...p} variant="default" loading={busy} leftSection={<IconPhotoUp size={16} />}>
                    {sha ? 'Replace logo…' : 'Choose logo…'}
                  </Button>
                )}
              </FileButton>
              {sha && (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={remove}
                  disabled={busy}
                  leftSection={<IconTrash size={16} />}
                >
                  Remove
                </Button>
              )}
            </Group>
          </Stack>
        </Group>
      </Stack>
    </Card>
  );
}
