import type { Database } from 'better-sqlite3';
import type {
  Batch,
  Device,
  DeviceKind,
  Product,
  ProductKind,
  TreatmentType,
  ZoneMapId,
} from '../../contract';
import { newId } from '../ids';

interface Stamp {
  at: string;
  deviceId: string;
}

export function createCatalogueRepo(db: Database) {
  const types = db.prepare<
    [],
    {
      id: string;
      code: string;
      name: string;
      zone_map: ZoneMapId;
      default_interval_days: number;
      course_length: number;
      consent_template: string | null;
      aftercare_template: string | null;
      retired_at: string | null;
    }
  >(`SELECT id, code, name, zone_map, default_interval_days, course_length, consent_template, aftercare_template,
            retired_at
     FROM treatment_types WHERE deleted_at IS NULL ORDER BY name`);
  const typeZones = db.prepare<
    [],
    { treatment_type_id: string; zone: string; depth_min_mm: number; depth_max_mm: number }
  >(`SELECT treatment_type_id, zone, depth_min_mm, depth_max_mm FROM treatment_type_zones
     WHERE deleted_at IS NULL ORDER BY treatment_type_id, position`);
  const devices = db.prepare<
    [],
    {
      id: string;
      name: string;
      kind: DeviceKind;
      make: string | null;
      model: string | null;
      retired_at: string | null;
    }
  >('SELECT id, name, kind, make, model, retired_at FROM devices WHERE deleted_at IS NULL ORDER BY name');
  const needleConfigs = db.prepare<[], { equipment_id: string; label: string }>(
    'SELECT equipment_id, label FROM device_needle_configs WHERE deleted_at IS NULL ORDER BY equipment_id, position',
  );
  const products = db.prepare<
    [],
    {
      id: string;
      name: string;
      kind: ProductKind;
      brand: string | null;
      what_to_expect: string | null;
      retired_at: string | null;
    }
  >(
    'SELECT id, name, kind, brand, what_to_expect, retired_at FROM products WHERE deleted_at IS NULL ORDER BY name',
  );
  const batches = db.prepare<
    [],
    {
      id: string;
      product_id: string;
      lot_number: string;
      expiry_date: string;
      quantity_on_hand: number | null;
      retired_at: string | null;
    }
  >(`SELECT id, product_id, lot_number, expiry_date, quantity_on_hand, retired_at FROM product_batches
     WHERE deleted_at IS NULL ORDER BY expiry_date`);

  const insertType = db.prepare(`
    INSERT INTO treatment_types (id, code, name, zone_map, default_interval_days, course_length, consent_template,
      aftercare_template, created_at, updated_at, device_id)
    VALUES (@id, @code, @name, @zone_map, @default_interval_days, @course_length, @consent_template,
      @aftercare_template, @at, @at, @device_id)`);
  const updateType = db.prepare(`
    UPDATE treatment_types SET name = @name, zone_map = @zone_map, default_interval_days = @default_interval_days,
      course_length = @course_length, consent_template = @consent_template, aftercare_template = @aftercare_template,
      updated_at = @at, device_id = @device_id
    WHERE id = @id AND deleted_at IS NULL`);
  const clearTypeZones = db.prepare(`
    UPDATE treatment_type_zones SET deleted_at = @at, updated_at = @at, device_id = @device_id
    WHERE treatment_type_id = @id AND deleted_at IS NULL`);
  const insertTypeZone = db.prepare(`
    INSERT INTO treatment_type_zones (id, treatment_type_id, zone, depth_min_mm, depth_max_mm, position, created_at,
      updated_at, device_id)
    VALUES (@id, @type_id, @zone, @min, @max, @position, @at, @at, @device_id)`);

  const insertDevice = db.prepare(`
    INSERT INTO devices (id, name, kind, make, model, created_at, updated_at, device_id)
    VALUES (@id, @name, @kind, @make, @model, @at, @at, @device_id)`);
  const updateDevice = db.prepare(`
    UPDATE devices SET name = @name, kind = @kind, make = @make, model = @model, updated_at = @at, device_id = @device_id
    WHERE id = @id AND deleted_at IS NULL`);
  const clearNeedleConfigs = db.prepare(`
    UPDATE device_needle_configs SET deleted_at = @at, updated_at = @at, device_id = @device_id
    WHERE equipment_id = @id AND deleted_at IS NULL`);
  const insertNeedleConfig = db.prepare(`
    INSERT INTO device_needle_configs (id, equipment_id, label, position, created_at, updated_at, device_id)
    VALUES (@id, @equipment_id, @label, @position, @at, @at, @device_id)`);

  const insertProduct = db.prepare(`
    INSERT INTO products (id, name, kind, brand, what_to_expect, created_at, updated_at, device_id)
    VALUES (@id, @name, @kind, @brand, @what_to_expect, @at, @at, @device_id)`);
  const updateProduct = db.prepare(`
    UPDATE products SET name = @name, kind = @kind, brand = @brand, what_to_expect = @what_to_expect,
      updated_at = @at, device_id = @device_id
    WHERE id = @id AND deleted_at IS NULL`);
  const insertBatch = db.prepare(`
    INSERT INTO product_batches (id, product_id, lot_number, expiry_date, quantity_on_hand, created_at, updated_at,
      device_id)
    VALUES (@id, @product_id, @lot_number, @expiry_date, @quantity_on_hand, @at, @at, @device_id)`);
  const updateBatch = db.prepare(`
    UPDATE product_batches SET lot_number = @lot_number, expiry_date = @expiry_date,
      quantity_on_hand = @quantity_on_hand, updated_at = @at, device_id = @device_id
    WHERE id = @id AND deleted_at IS NULL`);

  const retire = {
    treatmentType: db.prepare(
      'UPDATE treatment_types SET retired_at = @retired_at, updated_at = @at, device_id = @device_id WHERE id = @id AND deleted_at IS NULL',
    ),
    device: db.prepare(
      'UPDATE devices SET retired_at = @retired_at, updated_at = @at, device_id = @device_id WHERE id = @id AND deleted_at IS NULL',
    ),
    product: db.prepare(
      'UPDATE products SET retired_at = @retired_at, updated_at = @at, device_id = @device_id WHERE id = @id AND deleted_at IS NULL',
    ),
    batch: db.prepare(
      'UPDATE product_batches SET retired_at = @retired_at, updated_at = @at, device_id = @device_id WHERE id = @id AND deleted_at IS NULL',
    ),
  };
  const countTypes = db.prepare('SELECT count(*) FROM treatment_types').pluck();

  return {
    isEmpty: () => (countTypes.get() as number) === 0,

    treatmentTypes(): TreatmentType[] {
      const zones = new Map<string, TreatmentType['zones']>();
      for (const z of typeZones.all()) {
        const list = zones.get(z.treatment_type_id) ?? [];
        list.push({ zone: z.zone, depthMin: z.depth_min_mm, depthMax: z.depth_max_mm });
        zones.set(z.treatment_type_id, list);
      }
      return types.all().map((t) => ({
        id: t.id,
        code: t.code,
        name: t.name,
        zoneMap: t.zone_map,
        defaultIntervalDays: t.default_interval_days,
        courseLength: t.course_length,
        consentTemplate: t.consent_template,
        aftercareTemplate: t.aftercare_template,
        retiredAt: t.retired_at,
        zones: zones.get(t.id) ?? [],
      }));
    },

    devices(): Device[] {
      const configs = new Map<string, string[]>();
      for (const c of needleConfigs.all())
        configs.set(c.equipment_id, [...(configs.get(c.equipment_id) ?? []), c.label]);
      return devices.all().map((d) => ({
        id: d.id,
        name: d.name,
        kind: d.kind,
        make: d.make,
        model: d.model,
        retiredAt: d.retired_at,
        needleConfigs: configs.get(d.id) ?? [],
      }));
    },

    products(expiryOf: (expiryDate: string) => Batch['expiry']): Product[] {
      const byProduct = new Map<string, Batch[]>();
      for (const b of batches.all()) {
        const batch: Batch = {
          id: b.id,
          productId: b.product_id,
          lotNumber: b.lot_number,
          expiryDate: b.expiry_date,
          quantityOnHand: b.quantity_on_hand,
          retiredAt: b.retired_at,
          expiry: expiryOf(b.expiry_date),
        };
        byProduct.set(b.product_id, [...(byProduct.get(b.product_id) ?? []), batch]);
      }
      return products.all().map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        brand: p.brand,
        whatToExpect: p.what_to_expect,
        retiredAt: p.retired_at,
        batches: byProduct.get(p.id) ?? [],
      }));
    },

    saveTreatmentType(t: Omit<TreatmentType, 'retiredAt'>, s: Stamp, isNew: boolean): boolean {
      const params = {
        id: t.id,
        code: t.code,
        name: t.name,
        zone_map: t.zoneMap,
        default_interval_days: t.defaultIntervalDays,
        course_length: t.courseLength,
        consent_template: t.consentTemplate,
        aftercare_template: t.aftercareTemplate,
        at: s.at,
        device_id: s.deviceId,
      };
      if (isNew) insertType.run(params);
      else if (updateType.run(params).changes === 0) return false;
      clearTypeZones.run({ id: t.id, at: s.at, device_id: s.deviceId });
      t.zones.forEach((z, position) => {
        insertTypeZone.run({
          id: newId(),
          type_id: t.id,
          zone: z.zone,
          min: z.depthMin,
          max: z.depthMax,
          position,
          at: s.at,
          device_id: s.deviceId,
        });
      });
      return true;
    },

    saveDevice(d: Omit<Device, 'retiredAt'>, s: Stamp, isNew: boolean): boolean {
      const params = {
        id: d.id,
        name: d.name,
        kind: d.kind,
        make: d.make,
        model: d.model,
        at: s.at,
        device_id: s.deviceId,
      };
      if (isNew) insertDevice.run(params);
      else if (updateDevice.run(params).changes === 0) return false;
      clearNeedleConfigs.run({ id: d.id, at: s.at, device_id: s.deviceId });
      d.needleConfigs.forEach((label, position) => {
        insertNeedleConfig.run({
          id: newId(),
          equipment_id: d.id,
          label,
          position,
          at: s.at,
          device_id: s.deviceId,
        });
      });
      return true;
    },

    saveProduct(p: Omit<Product, 'retiredAt' | 'batches'>, s: Stamp, isNew: boolean): boolean {
      const params = {
        id: p.id,
        name: p.name,
        kind: p.kind,
        brand: p.brand,
        what_to_expect: p.whatToExpect,
        at: s.at,
        device_id: s.deviceId,
      };
      if (isNew) insertProduct.run(params);
      else return updateProduct.run(params).changes === 1;
      return true;
    },

    saveBatch(b: Omit<Batch, 'retiredAt' | 'expiry'>, s: Stamp, isNew: boolean): boolean {
      const params = {
        id: b.id,
        product_id: b.productId,
        lot_number: b.lotNumber,
        expiry_date: b.expiryDate,
        quantity_on_hand: b.quantityOnHand,
        at: s.at,
        device_id: s.deviceId,
      };
      if (isNew) insertBatch.run(params);
      else return updateBatch.run(params).changes === 1;
      return true;
    },

    setRetired(kind: keyof typeof retire, id: string, retiredAt: string | null, s: Stamp): boolean {
      return retire[kind].run({ id, retired_at: retiredAt, at: s.at, device_id: s.deviceId }).changes === 1;
    },
  };
}
