import { Alert, Badge, Button, Group, Loader, Stack, Tabs, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconFlask, IconNeedle, IconRefresh, IconStethoscope } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { PageHeader } from '../../shared/PageHeader';
import { useCatalogue } from './catalogueStore';
import { WARNING_BADGE_TEXT } from './catalogueUi';
import { DevicesPanel } from './DevicesPanel';
import { ProductsPanel } from './ProductsPanel';
import { TreatmentsPanel } from './TreatmentsPanel';

const TABS = ['products', 'devices', 'treatments'] as const;
type Tab = (typeof TABS)[number];

/**
 * The clinic's catalogue: products and their lots, devices, and treatment types. Every save stores the
 * fresh catalogue in useCatalogue, so the charting screens offer the change straight away.
 */
export function CataloguePage() {
  const catalogue = useCatalogue((s) => s.catalogue);
  const error = useCatalogue((s) => s.error);
  const load = useCatalogue((s) => s.load);
  const [tab, setTab] = useState<Tab>('products');
  const [retrying, setRetrying] = useState(false);

  // Always reload on opening: lots may have expired since the catalogue was cached.
  useEffect(() => {
    void load(true);
  }, [load]);

  const retry = async () => {
    setRetrying(true);
    await load(true);
    setRetrying(false);
  };

  // Lots that are still offered on charts but need attention: the Products tab shows how many.
  const attention = catalogue
    ? catalogue.products
        .filter((p) => !p.retiredAt)
        .flatMap((p) => p.batches)
        .filter((b) => !b.retiredAt && b.expiry !== 'ok').length
    : 0;

  return (
    <>
      <PageHeader
        title="Catalogue"
        subtitle="The products, devices and treatments offered when charting. Retired entries stay on past charts but are not offered on new ones."
      />
      {!catalogue ? (
        error ? (
          <Alert
            m="xl"
            color="red"
            icon={<IconAlertTriangle />}
            title="The catalogue could not be loaded"
            maw={720}
          >
            <Stack gap="sm" align="flex-start">
              {error}
              <Button
                variant="default"
                size="xs"
                leftSection={<IconRefresh size={14} />}
                loading={retrying}
                onClick={() => void retry()}
              >
                Try again
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Loader m="xl" aria-label="Loading the catalogue" />
        )
      ) : (
        <Tabs
          value={tab}
          onChange={(value) => value && setTab(value as Tab)}
          keepMounted={false}
          style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
        >
          <Tabs.List px="xl">
            <Tabs.Tab value="products" leftSection={<IconFlask size={16} />}>
              <Group gap={6} wrap="nowrap">
                Products and lots
                {attention > 0 && (
                  <Badge size="sm" color="orange" variant="light" radius="sm" c={WARNING_BADGE_TEXT}>
                    {attention}
                    <VisuallyHidden>{` lot${attention === 1 ? '' : 's'} expired or expiring soon`}</VisuallyHidden>
                  </Badge>
                )}
              </Group>
            </Tabs.Tab>
            <Tabs.Tab value="devices" leftSection={<IconNeedle size={16} />}>
              Devices
            </Tabs.Tab>
            <Tabs.Tab value="treatments" leftSection={<IconStethoscope size={16} />}>
              Treatments
            </Tabs.Tab>
          </Tabs.List>
          <div style={{ flex: 1, overflow: 'auto', scrollbarGutter: 'stable' }}>
            <Tabs.Panel value="products" p="xl">
              <ProductsPanel catalogue={catalogue} />
            </Tabs.Panel>
            <Tabs.Panel value="devices" p="xl">
              <DevicesPanel catalogue={catalogue} />
            </Tabs.Panel>
            <Tabs.Panel value="treatments" p="xl">
              <TreatmentsPanel catalogue={catalogue} />
            </Tabs.Panel>
          </div>
        </Tabs>
      )}
    </>
  );
}
