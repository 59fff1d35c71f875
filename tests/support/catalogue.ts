import type { Core } from '../../electron/core/app/core';
import type { Batch, Catalogue, Device, Product, TreatmentType } from '../../electron/core/contract';
import { call } from './call';

export const getCatalogue = (core: Core): Promise<Catalogue> => call(core, 'catalogue.get', {});

/** A seeded treatment type by its code (e.g. "face-microneedling"). */
export async function treatmentByCode(core: Core, code: string): Promise<TreatmentType> {
  const found = (await getCatalogue(core)).treatmentTypes.find((t) => t.code === code);
  if (!found) throw new Error(`No treatment type with code ${code}`);
  return found;
}

export async function productByName(core: Core, name: string): Promise<Product> {
  const found = (await getCatalogue(core)).products.find((p) => p.name === name);
  if (!found) throw new Error(`No product named ${name}`);
  return found;
}

export async function deviceByName(core: Core, name: string): Promise<Device> {
  const found = (await getCatalogue(core)).devices.find((d) => d.name === name);
  if (!found) throw new Error(`No device named ${name}`);
  return found;
}

/** Adds a batch to a product (by name) through the dispatcher and returns it as the catalogue lists it. */
export async function addBatch(
  core: Core,
  productName: string,
  lotNumber: string,
  expiryDate: string,
  quantityOnHand: number | null = null,
): Promise<Batch> {
  const product = await productByName(core, productName);
  const catalogue = await call(core, 'catalogue.saveBatch', {
    id: null,
    fields: { productId: product.id, lotNumber, expiryDate, quantityOnHand },
  });
  const batch = catalogue.products
    .find((p) => p.id === product.id)
    ?.batches.find((b) => b.lotNumber === lotNumber.trim());
  if (!batch) throw new Error(`Batch ${lotNumber} was not listed after saving`);
  return batch;
}
