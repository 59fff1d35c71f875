import {
  type Batch,
  BatchInput,
  PRODUCT_KINDS,
  type Product,
  ProductInput,
  type ProductKind,
} from '@contract';
import { Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { api } from '../../api/api';
import { showApiError } from '../../shared/showApiError';
import { parseTypedDate } from '../clients/dates';
import { applyCatalogue, FormActions, PRODUCT_KIND_LABELS, serverFieldErrors } from './catalogueUi';

/* ------------------------------------------------------------------ products */

interface ProductValues {
  name: string;
  kind: string | null;
  brand: string;
  whatToExpect: string;
}

const validateProduct = zod4Resolver(ProductInput);

function toProductInput(v: ProductValues): ProductInput {
  return { name: v.name, kind: v.kind as ProductKind, brand: v.brand, whatToExpect: v.whatToExpect };
}

/** Add (product null) or edit a product. Mantine unmounts the form when the modal closes, so it starts fresh. */
export function ProductModal(props: { opened: boolean; product: Product | null; onClose: () => void }) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.product ? `Edit ${props.product.name}` : 'Add product'}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
    >
      <ProductForm product={props.product} onDone={props.onClose} />
    </Modal>
  );
}

function ProductForm({ product, onDone }: { product: Product | null; onDone: () => void }) {
  const [saving, setSaving] = useState(false);
  const form = useForm<ProductValues>({
    mode: 'controlled',
    initialValues: {
      name: product?.name ?? '',
      kind: product?.kind ?? null,
      brand: product?.brand ?? '',
      whatToExpect: product?.whatToExpect ?? '',
    },
    validate: (values) => validateProduct(toProductInput(values) as unknown as Record<string, unknown>),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const catalogue = await api.catalogue.saveProduct({
        id: product?.id ?? null,
        fields: toProductInput(values),
      });
      applyCatalogue(catalogue, `${values.name.trim()} is saved.`);
      onDone();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
      showApiError(error, 'The product was not saved');
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={product ? 'Edit product' : 'Add product'}>
      <Stack>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <Select
            label="Kind"
            placeholder="Choose"
            withAsterisk
            allowDeselect={false}
            data={PRODUCT_KINDS.map((value) => ({ value, label: PRODUCT_KIND_LABELS[value] }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label="Brand" {...form.getInputProps('brand')} />
        </SimpleGrid>
        <Textarea
          label="What to expect"
          description="What the client may notice after it is applied; printed on the aftercare sheet."
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('whatToExpect')}
        />
        <FormActions saving={saving} onCancel={onDone} submitLabel="Save product" />
      </Stack>
    </form>
  );
}

/* ---------------------------------------------------------------------- lots */

interface BatchValues {
  lotNumber: string;
  expiryDate: string | null;
  quantityOnHand: number | string;
}

const validateBatch = zod4Resolver(BatchInput);

function toBatchInput(productId: string, v: BatchValues): BatchInput {
  return {
    productId,
    lotNumber: v.lotNumber,
    expiryDate: v.expiryDate ?? '',
    quantityOnHand: typeof v.quantityOnHand === 'number' ? v.quantityOnHand : null,
  };
}

/** Add (batch null) or correct a lot of `product`. */
export function BatchModal(props: {
  opened: boolean;
  product: Product | null;
  batch: Batch | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.batch ? `Edit lot ${props.batch.lotNumber}` : 'Add lot'}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {props.product && <BatchForm product={props.product} batch={props.batch} onDone={props.onClose} />}
    </Modal>
  );
}

function BatchForm({
  product,
  batch,
  onDone,
}: {
  product: Product;
  batch: Batch | null;
  onDone: () => void;
}) {
  const [saving, setSaving] = useState(false);
  const form = useForm<BatchValues>({
    mode: 'controlled',
    initialValues: {
      lotNumber: batch?.lotNumber ?? '',
      expiryDate: batch?.expiryDate ?? null,
      quantityOnHand: batch?.quantityOnHand ?? '',
    },
    validate: (values) => {
      const errors = validateBatch(toBatchInput(product.id, values) as unknown as Record<string, unknown>);
      if (!values.expiryDate) errors.expiryDate = 'Enter the expiry date';
      return errors;
    },
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const catalogue = await api.catalogue.saveBatch({
        id: batch?.id ?? null,
        fields: toBatchInput(product.id, values),
      });
      applyCatalogue(catalogue, `Lot ${values.lotNumber.trim()} of ${product.name} is saved.`);
      onDone();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
      showApiError(error, 'The lot was not saved');
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={batch ? 'Edit lot' : 'Add lot'}>
      <Stack>
        <Text size="sm" c="dimmed">
          {product.name}
          {product.brand ? ` · ${product.brand}` : ''}
        </Text>
        <TextInput
          label="Lot number"
          description="As printed on the packaging"
          withAsterisk
          data-autofocus
          {...form.getInputProps('lotNumber')}
        />
        <SimpleGrid cols={2}>
          <DateInput
            label="Expiry date"
            placeholder="DD/MM/YYYY"
            valueFormat="D MMM YYYY"
            dateParser={parseTypedDate}
            withAsterisk
            {...form.getInputProps('expiryDate')}
          />
          <NumberInput
            label="Quantity on hand"
            placeholder="Optional"
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('quantityOnHand')}
          />
        </SimpleGrid>
        <FormActions saving={saving} onCancel={onDone} submitLabel={batch ? 'Save lot' : 'Add lot'} />
      </Stack>
    </form>
  );
}
