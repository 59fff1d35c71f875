import type { Batch, Catalogue, Product } from '@contract';
import { Badge, Box, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronRight, IconFlask, IconPencil, IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { EmptyState } from '../../shared/EmptyState';
import { formatDate } from '../clients/format';
import {
  activeFirst,
  Dash,
  ExpiryBadge,
  isUsable,
  PRODUCT_KIND_LABELS,
  RetireAction,
  RetiredBadge,
  RowAction,
  useRetire,
  WARNING_BADGE_TEXT,
} from './catalogueUi';
import { BatchModal, ProductModal } from './ProductModals';
import { SectionHeader } from './SectionHeader';

const COLUMNS = 6;

export function ProductsPanel({ catalogue }: { catalogue: Catalogue }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [productModal, setProductModal] = useState<{ opened: boolean; product: Product | null }>({
    opened: false,
    product: null,
  });
  const [batchModal, setBatchModal] = useState<{
    opened: boolean;
    productId: string | null;
    batch: Batch | null;
  }>({
    opened: false,
    productId: null,
    batch: null,
  });
  const { pending, toggle } = useRetire();

  const products = activeFirst(catalogue.products);
  const toggleExpanded = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const addProduct = () => setProductModal({ opened: true, product: null });
  const addLot = (product: Product) => {
    // Show the lots the new one joins, so the practitioner sees it appear.
    setExpanded((current) => new Set(current).add(product.id));
    setBatchModal({ opened: true, productId: product.id, batch: null });
  };

  return (
    <Paper withBorder component="section" aria-labelledby="catalogue-products-title">
      <SectionHeader
        id="catalogue-products-title"
        title="Products and lots"
        description="Serums, numbing creams, PRP kits and cartridges. Record each lot so charts can trace what was used; expired or soon-expiring lots are flagged when chosen, and retired lots are not offered."
        action={
          catalogue.products.length > 0 && (
            <Button leftSection={<IconPlus size={16} />} onClick={addProduct}>
              Add product
            </Button>
          )
        }
      />
      {products.length === 0 ? (
        <EmptyState
          icon={<IconFlask size={28} />}
          title="No products yet"
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={addProduct}>
              Add product
            </Button>
          }
        >
          Add the serums, numbing creams and kits the clinic uses, then record their lots.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="lg" aria-label="Products">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={52}>
                  <VisuallyHidden>Lots</VisuallyHidden>
                </Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th w={170}>Kind</Table.Th>
                <Table.Th w={180}>Brand</Table.Th>
                <Table.Th w={190}>Usable lots</Table.Th>
                <Table.Th w={150} ta="right">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((product) => {
                const open = expanded.has(product.id);
                const usable = product.batches.filter(isUsable);
                const expiring = usable.filter((b) => b.expiry === 'expiring').length;
                const retired = Boolean(product.retiredAt);
                const panelId = `product-lots-${product.id}`;
                return (
                  <Fragment key={product.id}>
                    <Table.Tr
                      style={{ cursor: 'pointer' }}
                      onClick={() => toggleExpanded(product.id)}
                      bg={open ? 'var(--mantine-color-default-hover)' : undefined}
                    >
                      <Table.Td>
                        <RowAction
                          label={`${open ? 'Hide' : 'Show'} lots of ${product.name}`}
                          tooltip={open ? 'Hide lots' : 'Show lots'}
                          icon={
                            <IconChevronRight
                              size={18}
                              style={{
                                transform: open ? 'rotate(90deg)' : undefined,
                                transition: 'transform 150ms ease',
                              }}
                            />
                          }
                          expanded={open}
                          controls={open ? panelId : undefined}
                          onClick={() => toggleExpanded(product.id)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={500} c={retired ? 'dimmed' : undefined}>
                            {product.name}
                          </Text>
                          {retired && <RetiredBadge />}
                        </Group>
                      </Table.Td>
                      <Table.Td>{PRODUCT_KIND_LABELS[product.kind]}</Table.Td>
                      <Table.Td>{product.brand ?? <Dash />}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm">{usable.length}</Text>
                          {expiring > 0 && (
                            <Badge color="orange" variant="light" radius="sm" c={WARNING_BADGE_TEXT}>
                              {expiring} expiring soon
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={2} justify="flex-end" wrap="nowrap">
                          <RowAction
                            label={`Add a lot of ${product.name}`}
                            tooltip="Add lot"
                            icon={<IconPlus size={18} />}
                            onClick={() => addLot(product)}
                          />
                          <RowAction
                            label={`Edit ${product.name}`}
                            tooltip="Edit product"
                            icon={<IconPencil size={18} />}
                            onClick={() => setProductModal({ opened: true, product })}
                          />
                          <RetireAction
                            name={product.name}
                            retired={retired}
                            loading={pending === product.id}
                            onToggle={() => void toggle('product', product.id, !retired, product.name)}
                          />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {open && (
                      <Table.Tr id={panelId}>
                        <Table.Td colSpan={COLUMNS} p={0} bg="var(--mantine-color-default-hover)">
                          <LotsPanel
                            product={product}
                            pending={pending}
                            onAdd={() => addLot(product)}
                            onEdit={(batch) => setBatchModal({ opened: true, productId: product.id, batch })}
                            onRetire={(batch, retire) =>
                              void toggle(
                                'batch',
                                batch.id,
                                retire,
                                `Lot ${batch.lotNumber} of ${product.name}`,
                              )
                            }
                          />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <ProductModal
        opened={productModal.opened}
        product={productModal.product}
        onClose={() => setProductModal((s) => ({ ...s, opened: false }))}
      />
      <BatchModal
        opened={batchModal.opened}
        product={catalogue.products.find((p) => p.id === batchModal.productId) ?? null}
        batch={batchModal.batch}
        onClose={() => setBatchModal((s) => ({ ...s, opened: false }))}
      />
    </Paper>
  );
}

function LotsPanel(props: {
  product: Product;
  pending: string | null;
  onAdd: () => void;
  onEdit: (batch: Batch) => void;
  onRetire: (batch: Batch, retire: boolean) => void;
}) {
  const { product } = props;
  const lots = activeFirst(product.batches);
  return (
    <Stack gap="sm" py="md" pl={68} pr="lg">
      {product.whatToExpect && (
        <Text size="sm" c="dimmed">
          <Text span size="sm" fw={500} c="var(--mantine-color-text)">
            What to expect:{' '}
          </Text>
          {product.whatToExpect}
        </Text>
      )}
      {lots.length === 0 ? (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">
            No lots recorded. Add the lot number and expiry date printed on the packaging.
          </Text>
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={props.onAdd}>
            Add lot
          </Button>
        </Group>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={`Lots of ${product.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lot number</Table.Th>
                <Table.Th w={150}>Expiry date</Table.Th>
                <Table.Th w={110}>Quantity</Table.Th>
                <Table.Th w={200}>Status</Table.Th>
                <Table.Th w={100} ta="right">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lots.map((batch) => {
                const retired = Boolean(batch.retiredAt);
                return (
                  <Table.Tr key={batch.id}>
                    <Table.Td>
                      <Text size="sm" ff="monospace" c={retired ? 'dimmed' : undefined}>
                        {batch.lotNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(batch.expiryDate)}</Table.Td>
                    <Table.Td>{batch.quantityOnHand ?? <Dash />}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <ExpiryBadge status={batch.expiry} />
                        {retired && <RetiredBadge />}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <RowAction
                          label={`Edit lot ${batch.lotNumber}`}
                          tooltip="Edit lot"
                          icon={<IconPencil size={18} />}
                          onClick={() => props.onEdit(batch)}
                        />
                        <RetireAction
                          name={`lot ${batch.lotNumber}`}
                          retired={retired}
                          loading={props.pending === batch.id}
                          onToggle={() => props.onRetire(batch, !retired)}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Box px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={props.onAdd}>
              Add lot
            </Button>
          </Box>
        </Paper>
      )}
    </Stack>
  );
}
