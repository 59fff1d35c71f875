import seed from '../../../../resources/catalogue/treatment-types.json';
import {
  type Batch,
  type BatchInput,
  type Catalogue,
  DeviceInput,
  DomainError,
  ProductInput,
  type TreatmentType,
  TreatmentTypeInput,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type { createCatalogueRepo } from '../../db/repositories/catalogueRepo';
import { expiryStatus } from './expiry';
import { ZONE_MAP_LIST } from './zoneMaps';

type Repo = ReturnType<typeof createCatalogueRepo>;
export type RetireKind = 'treatmentType' | 'device' | 'product' | 'batch';

export interface CatalogueContext {
  db: import('better-sqlite3').Database;
  deviceId: string;
  today: () => string;
  catalogue: Repo;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function createCatalogueService(ctx: CatalogueContext) {
  const stamp = () => ({ at: nowIso(), deviceId: ctx.deviceId });

  function checkZones(t: { zoneMap: string; zones: { zone: string }[] }) {
    const map = ZONE_MAP_LIST.find((m) => m.id === t.zoneMap)!;
    const known = new Set(map.zones.map((z) => z.code));
    const issues = t.zones
      .map((z, i) => ({ z, i }))
      .filter(({ z }) => !known.has(z.zone))
      .map(({ z, i }) => ({
        path: `zones.${i}.zone`,
        message: `"${z.zone}" is not a zone on the ${map.title} map`,
      }));
    if (issues.length) throw new DomainError('VALIDATION', issues[0]!.message, issues);
  }

  const service = {
    get(): Catalogue {
      return {
        treatmentTypes: ctx.catalogue.treatmentTypes(),
        devices: ctx.catalogue.devices(),
        products: ctx.catalogue.products((date) => expiryStatus(date, ctx.today())),
        zoneMaps: ZONE_MAP_LIST,
      };
    },

    treatmentType(id: string): TreatmentType {
      const found = ctx.catalogue.treatmentTypes().find((t) => t.id === id);
      if (!found) throw new DomainError('NOT_FOUND', 'That treatment type does not exist.');
      return found;
    },

    batch(id: string): Batch | null {
      for (const p of service.get().products) {
        const b = p.batches.find((x) => x.id === id);
        if (b) return b;
      }
      return null;
    },

    saveTreatmentType(id: string | null, input: ReturnType<typeof TreatmentTypeInput.parse>) {
      checkZones(input);
      const existing = id ? service.treatmentType(id) : null;
      const record = {
        ...input,
        id: id ?? newId(),
        code: existing?.code ?? `${slug(input.name)}-${newId().slice(-6)}`,
      };
      ctx.db.transaction(() => ctx.catalogue.saveTreatmentType(record, stamp(), !existing))();
      return service.treatmentType(record.id);
    },

    saveDevice(id: string | null, input: ReturnType<typeof DeviceInput.parse>) {
      const record = { ...input, id: id ?? newId() };
      const ok = ctx.db.transaction(() => ctx.catalogue.saveDevice(record, stamp(), id === null))();
      if (!ok) throw new DomainError('NOT_FOUND', 'That device does not exist.');
      return service.get().devices.find((d) => d.id === record.id)!;
    },

    saveProduct(id: string | null, input: ReturnType<typeof ProductInput.parse>) {
      const record = { ...input, id: id ?? newId() };
      if (!ctx.catalogue.saveProduct(record, stamp(), id === null)) {
        throw new DomainError('NOT_FOUND', 'That product does not exist.');
      }
      return service.get().products.find((p) => p.id === record.id)!;
    },

    saveBatch(id: string | null, input: ReturnType<typeof BatchInput.parse>) {
      if (!service.get().products.some((p) => p.id === input.productId)) {
        throw new DomainError('NOT_FOUND', 'That product does not exist.');
      }
      const existing = id ? service.batch(id) : null;
      if (id && !existing) throw new DomainError('NOT_FOUND', 'That batch does not exist.');
      if (existing && existing.productId !== input.productId) {
        throw new DomainError(
          'VALIDATION',
          'A lot cannot be moved to another product; record it under that product.',
          [{ path: 'productId', message: 'A lot stays with its product' }],
        );
      }
      const record = { ...input, id: id ?? newId() };
      try {
        if (!ctx.catalogue.saveBatch(record, stamp(), id === null)) {
          throw new DomainError('NOT_FOUND', 'That batch does not exist.');
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new DomainError('CONFLICT', `Lot ${input.lotNumber} is already recorded for this product.`, [
            { path: 'lotNumber', message: 'This lot number is already recorded' },
          ]);
        }
        throw error;
      }
      return service.batch(record.id)!;
    },

    /** Retired entries stay on old charts but are no longer offered for new ones. */
    setRetired(kind: RetireKind, id: string, retired: boolean) {
      if (!ctx.catalogue.setRetired(kind, id, retired ? nowIso() : null, stamp())) {
        throw new DomainError('NOT_FOUND', 'That catalogue entry does not exist.');
      }
      return service.get();
    },

    /** First start: the defaults from resources/catalogue, which the clinic then edits. */
    seedDefaults() {
      if (!ctx.catalogue.isEmpty()) return;
      ctx.db.transaction(() => {
        const s = stamp();
        for (const t of seed.treatmentTypes) {
          const input = TreatmentTypeInput.parse(t);
          checkZones(input);
          ctx.catalogue.saveTreatmentType({ ...input, id: newId(), code: t.code }, s, true);
        }
        for (const d of seed.devices)
          ctx.catalogue.saveDevice({ ...DeviceInput.parse(d), id: newId() }, s, true);
        for (const p of seed.products)
          ctx.catalogue.saveProduct({ ...ProductInput.parse(p), id: newId() }, s, true);
      })();
    },
  };
  return service;
}
