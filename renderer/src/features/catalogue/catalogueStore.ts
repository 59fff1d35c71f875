import type { Batch, Catalogue, Product } from '@contract';
import { create } from 'zustand';
import { api } from '../../api/api';

interface CatalogueState {
  catalogue: Catalogue | null;
  error: string | null;
  load(force?: boolean): Promise<Catalogue | null>;
  set(catalogue: Catalogue): void;
}

/** The clinic's catalogues, cached for the charting screens; every save returns the fresh catalogue. */
export const useCatalogue = create<CatalogueState>((set, get) => ({
  catalogue: null,
  error: null,
  async load(force = false) {
    if (get().catalogue && !force) return get().catalogue;
    try {
      const catalogue = await api.catalogue.get({});
      set({ catalogue, error: null });
      return catalogue;
    } catch (error) {
      set({ error: (error as Error).message });
      return null;
    }
  },
  set: (catalogue) => set({ catalogue }),
}));

export function findBatch(
  catalogue: Catalogue,
  batchId: string | null,
): { batch: Batch; product: Product } | null {
  if (!batchId) return null;
  for (const product of catalogue.products) {
    const batch = product.batches.find((b) => b.id === batchId);
    if (batch) return { batch, product };
  }
  return null;
}

/** Select options of usable batches, grouped by product; expired lots are listed but marked. */
export function batchOptions(catalogue: Catalogue, kinds?: Product['kind'][]) {
  return catalogue.products
    .filter((p) => !p.retiredAt && (!kinds || kinds.includes(p.kind)))
    .map((p) => ({
      group: p.name,
      items: p.batches
        .filter((b) => !b.retiredAt)
        .map((b) => ({
          value: b.id,
          label: `${p.name} · lot ${b.lotNumber} · exp ${b.expiryDate}${b.expiry === 'expired' ? ' (EXPIRED)' : b.expiry === 'expiring' ? ' (expires soon)' : ''}`,
        })),
    }))
    .filter((g) => g.items.length > 0);
}
