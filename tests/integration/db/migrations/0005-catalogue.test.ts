import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_KINDS, PRODUCT_KINDS, ZONE_MAPS } from '../../../../electron/core/contract';
import { schemaVersion } from '../../../../electron/core/db/migrate';
import { migration0005 } from '../../../../electron/core/db/migrations/0005-catalogue';
import {
  columns,
  count,
  type Db,
  indexColumns,
  insertClientRow,
  migrateTo,
  objectNames,
  objectSql,
  openRaw,
  sqliteCode,
} from '../../../support/sqlite';
import { useTempDirs } from '../../../support/temp';

const AT = '2024-05-01T10:00:00.000Z';

type Row = Record<string, unknown>;

function insertType(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO treatment_types (id, code, name, zone_map, default_interval_days, course_length, created_at,
         updated_at, device_id)
       VALUES (@id, @code, @name, @zone_map, @default_interval_days, @course_length, @at, @at, 'device')`,
    )
    .run({
      id: 't1',
      code: 'face',
      name: 'Face',
      zone_map: 'face',
      default_interval_days: 28,
      course_length: 4,
      at: AT,
      ...row,
    });
}

function insertTypeZone(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO treatment_type_zones (id, treatment_type_id, zone, depth_min_mm, depth_max_mm, position,
         created_at, updated_at, device_id)
       VALUES (@id, @treatment_type_id, @zone, @depth_min_mm, @depth_max_mm, @position, @at, @at, 'device')`,
    )
    .run({
      id: 'z1',
      treatment_type_id: 't1',
      zone: 'forehead',
      depth_min_mm: 0.25,
      depth_max_mm: 0.5,
      position: 0,
      at: AT,
      ...row,
    });
}

function insertDevice(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO devices (id, name, kind, created_at, updated_at, device_id)
       VALUES (@id, @name, @kind, @at, @at, 'device')`,
    )
    .run({ id: 'd1', name: 'Pen', kind: 'pen', at: AT, ...row });
}

function insertNeedleConfig(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO device_needle_configs (id, equipment_id, label, position, created_at, updated_at, device_id)
       VALUES (@id, @equipment_id, @label, @position, @at, @at, 'device')`,
    )
    .run({ id: 'n1', equipment_id: 'd1', label: '16-pin', position: 0, at: AT, ...row });
}

function insertProduct(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO products (id, name, kind, created_at, updated_at, device_id)
       VALUES (@id, @name, @kind, @at, @at, 'device')`,
    )
    .run({ id: 'p1', name: 'Serum', kind: 'serum', at: AT, ...row });
}

function insertBatch(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO product_batches (id, product_id, lot_number, expiry_date, quantity_on_hand, created_at,
         updated_at, device_id)
       VALUES (@id, @product_id, @lot_number, @expiry_date, @quantity_on_hand, @at, @at, 'device')`,
    )
    .run({
      id: 'b1',
      product_id: 'p1',
      lot_number: 'LOT-1',
      expiry_date: '2025-01-31',
      quantity_on_hand: null,
      at: AT,
      ...row,
    });
}

function foreignKeys(db: Db, table: string): string[][] {
  return (db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string }[]).map(
    (f) => [f.from, f.table, f.to],
  );
}

const CATALOGUE_TABLES = [
  'treatment_types',
  'treatment_type_zones',
  'devices',
  'device_needle_configs',
  'products',
  'product_batches',
];

describe('migration 0005: catalogue', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 4);
  });
  afterEach(() => db.close());

  it('is version 5', () => {
    expect(migration0005.version).toBe(5);
    expect(migration0005.name).toBe('catalogue');
  });

  it('adds its tables and keeps the clients written at version 4', () => {
    insertClientRow(db, 'c1', AT);
    for (const table of CATALOGUE_TABLES) expect(objectNames(db, 'table')).not.toContain(table);
    migrateTo(db, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(CATALOGUE_TABLES));
    expect(db.prepare('SELECT id FROM clients').pluck().all()).toEqual(['c1']);
    // Empty: the defaults are seeded by the app on first start, not by the migration.
    for (const table of CATALOGUE_TABLES) expect(count(db, table), table).toBe(0);
  });

  describe('schema', () => {
    beforeEach(() => {
      migrateTo(db, 5);
    });

    it('makes every table STRICT', () => {
      for (const table of CATALOGUE_TABLES) expect(objectSql(db, table), table).toMatch(/STRICT$/);
    });

    it('creates treatment_types with its columns', () => {
      expect(columns(db, 'treatment_types').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['code', 'TEXT', 1],
        ['name', 'TEXT', 1],
        ['zone_map', 'TEXT', 1],
        ['default_interval_days', 'INTEGER', 1],
        ['course_length', 'INTEGER', 1],
        ['consent_template', 'TEXT', 0],
        ['aftercare_template', 'TEXT', 0],
        ['retired_at', 'TEXT', 0],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(columns(db, 'treatment_types').find((c) => c.name === 'id')?.pk).toBe(1);
      expect(foreignKeys(db, 'treatment_types')).toEqual([]);
    });

    it('creates treatment_type_zones with its columns and a foreign key to treatment_types(id)', () => {
      expect(columns(db, 'treatment_type_zones').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['treatment_type_id', 'TEXT', 1],
        ['zone', 'TEXT', 1],
        ['depth_min_mm', 'REAL', 1],
        ['depth_max_mm', 'REAL', 1],
        ['position', 'INTEGER', 1],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(foreignKeys(db, 'treatment_type_zones')).toEqual([
        ['treatment_type_id', 'treatment_types', 'id'],
      ]);
    });

    it('creates devices and device_needle_configs, the configs referencing devices(id)', () => {
      expect(columns(db, 'devices').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['name', 'TEXT', 1],
        ['kind', 'TEXT', 1],
        ['make', 'TEXT', 0],
        ['model', 'TEXT', 0],
        ['retired_at', 'TEXT', 0],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(columns(db, 'device_needle_configs').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['equipment_id', 'TEXT', 1],
        ['label', 'TEXT', 1],
        ['position', 'INTEGER', 1],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(foreignKeys(db, 'devices')).toEqual([]);
      // device_id is the workstation that wrote the row; equipment_id is the needling device.
      expect(foreignKeys(db, 'device_needle_configs')).toEqual([['equipment_id', 'devices', 'id']]);
    });

    it('creates products and product_batches, the batches referencing products(id)', () => {
      expect(columns(db, 'products').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['name', 'TEXT', 1],
        ['kind', 'TEXT', 1],
        ['brand', 'TEXT', 0],
        ['what_to_expect', 'TEXT', 0],
        ['retired_at', 'TEXT', 0],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(columns(db, 'product_batches').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['product_id', 'TEXT', 1],
        ['lot_number', 'TEXT', 1],
        ['expiry_date', 'TEXT', 1],
        ['quantity_on_hand', 'INTEGER', 0],
        ['retired_at', 'TEXT', 0],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(foreignKeys(db, 'products')).toEqual([]);
      expect(foreignKeys(db, 'product_batches')).toEqual([['product_id', 'products', 'id']]);
    });

    it('indexes zones and needle configs by their parent, in order', () => {
      expect(objectNames(db, 'index')).toEqual(
        expect.arrayContaining(['treatment_type_zones_by_type', 'device_needle_configs_by_device']),
      );
      expect(indexColumns(db, 'treatment_type_zones_by_type')).toEqual(['treatment_type_id', 'position']);
      expect(indexColumns(db, 'device_needle_configs_by_device')).toEqual(['equipment_id', 'position']);
    });

    it('adds no triggers of its own', () => {
      expect(objectNames(db, 'trigger')).toEqual([
        'clients_fts_delete',
        'clients_fts_insert',
        'clients_fts_update',
      ]);
    });
  });

  describe('constraints', () => {
    beforeEach(() => {
      migrateTo(db, 5);
    });

    describe('treatment_types', () => {
      it('accepts exactly the zone maps face, scalp and body', () => {
        ZONE_MAPS.forEach((zoneMap, i) => {
          expect(
            sqliteCode(() => insertType(db, { id: `t${i}`, code: `c${i}`, zone_map: zoneMap })),
          ).toBeNull();
        });
        for (const zoneMap of ['Face', 'hands', '']) {
          expect(
            sqliteCode(() =>
              insertType(db, { id: `bad-${zoneMap}`, code: `bad-${zoneMap}`, zone_map: zoneMap }),
            ),
          ).toBe('SQLITE_CONSTRAINT_CHECK');
        }
        expect(count(db, 'treatment_types')).toBe(ZONE_MAPS.length);
      });

      it.each([
        ['default_interval_days', 1, 365, [0, 366, -1]],
        ['course_length', 1, 24, [0, 25]],
      ] as const)('keeps %s between %d and %d', (column, low, high, bad) => {
        expect(sqliteCode(() => insertType(db, { id: 'low', code: 'low', [column]: low }))).toBeNull();
        expect(sqliteCode(() => insertType(db, { id: 'high', code: 'high', [column]: high }))).toBeNull();
        for (const value of bad) {
          expect(
            sqliteCode(() => insertType(db, { id: `v${value}`, code: `v${value}`, [column]: value })),
          ).toBe('SQLITE_CONSTRAINT_CHECK');
        }
      });

      it('requires a unique code', () => {
        insertType(db, { id: 't1', code: 'face' });
        expect(sqliteCode(() => insertType(db, { id: 't2', code: 'face' }))).toBe('SQLITE_CONSTRAINT_UNIQUE');
        expect(sqliteCode(() => insertType(db, { id: 't1', code: 'other' }))).toBe(
          'SQLITE_CONSTRAINT_PRIMARYKEY',
        );
      });

      it('rejects a non-integer interval (STRICT)', () => {
        expect(sqliteCode(() => insertType(db, { default_interval_days: 'monthly' }))).toBe(
          'SQLITE_CONSTRAINT_DATATYPE',
        );
      });
    });

    describe('treatment_type_zones', () => {
      beforeEach(() => {
        insertType(db);
      });

      it('accepts depths from 0.1 to 3.0 mm inclusive', () => {
        expect(
          sqliteCode(() => insertTypeZone(db, { id: 'a', depth_min_mm: 0.1, depth_max_mm: 0.1 })),
        ).toBeNull();
        expect(
          sqliteCode(() => insertTypeZone(db, { id: 'b', depth_min_mm: 3.0, depth_max_mm: 3.0 })),
        ).toBeNull();
        expect(
          sqliteCode(() => insertTypeZone(db, { id: 'c', depth_min_mm: 0.1, depth_max_mm: 3.0 })),
        ).toBeNull();
        expect(count(db, 'treatment_type_zones')).toBe(3);
      });

      it.each([
        ['a minimum below 0.1 mm', { depth_min_mm: 0.09 }],
        ['a minimum of zero', { depth_min_mm: 0 }],
        ['a negative minimum', { depth_min_mm: -0.5 }],
        ['a maximum above 3.0 mm', { depth_max_mm: 3.01 }],
        ['a minimum above 3.0 mm', { depth_min_mm: 3.5, depth_max_mm: 3.5 }],
        ['a minimum greater than the maximum', { depth_min_mm: 1.0, depth_max_mm: 0.5 }],
      ])('refuses %s', (_label, depths) => {
        expect(sqliteCode(() => insertTypeZone(db, depths))).toBe('SQLITE_CONSTRAINT_CHECK');
        expect(count(db, 'treatment_type_zones')).toBe(0);
      });

      it('accepts a minimum equal to the maximum', () => {
        expect(sqliteCode(() => insertTypeZone(db, { depth_min_mm: 0.75, depth_max_mm: 0.75 }))).toBeNull();
      });

      it('rejects a depth written as text (STRICT)', () => {
        expect(sqliteCode(() => insertTypeZone(db, { depth_min_mm: 'shallow' }))).toBe(
          'SQLITE_CONSTRAINT_DATATYPE',
        );
      });

      it('refuses a zone of an unknown treatment type, and deleting a type that has zones', () => {
        expect(sqliteCode(() => insertTypeZone(db, { treatment_type_id: 'nope' }))).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
        insertTypeZone(db);
        expect(sqliteCode(() => db.prepare("DELETE FROM treatment_types WHERE id = 't1'").run())).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
        expect(count(db, 'treatment_types')).toBe(1);
      });
    });

    describe('devices', () => {
      it('accepts exactly the kinds pen, roller and stamp', () => {
        DEVICE_KINDS.forEach((kind, i) => {
          expect(sqliteCode(() => insertDevice(db, { id: `d${i}`, kind }))).toBeNull();
        });
        for (const kind of ['Pen', 'laser', '']) {
          expect(sqliteCode(() => insertDevice(db, { id: `bad-${kind}`, kind }))).toBe(
            'SQLITE_CONSTRAINT_CHECK',
          );
        }
        expect(sqliteCode(() => insertDevice(db, { id: 'null', kind: null }))).toBe(
          'SQLITE_CONSTRAINT_NOTNULL',
        );
        expect(count(db, 'devices')).toBe(DEVICE_KINDS.length);
      });

      it('refuses a needle config of an unknown device, and deleting a device that has configs', () => {
        insertDevice(db);
        expect(sqliteCode(() => insertNeedleConfig(db, { equipment_id: 'nope' }))).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
        insertNeedleConfig(db);
        expect(sqliteCode(() => db.prepare("DELETE FROM devices WHERE id = 'd1'").run())).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
        expect(count(db, 'devices')).toBe(1);
      });
    });

    describe('products and batches', () => {
      it('accepts exactly the product kinds of the contract', () => {
        PRODUCT_KINDS.forEach((kind, i) => {
          expect(sqliteCode(() => insertProduct(db, { id: `p${i}`, kind }))).toBeNull();
        });
        for (const kind of ['Serum', 'cream', '']) {
          expect(sqliteCode(() => insertProduct(db, { id: `bad-${kind}`, kind }))).toBe(
            'SQLITE_CONSTRAINT_CHECK',
          );
        }
        expect(count(db, 'products')).toBe(PRODUCT_KINDS.length);
      });

      it('allows a lot number once per product, and the same lot number for another product', () => {
        insertProduct(db, { id: 'p1' });
        insertProduct(db, { id: 'p2', name: 'Other' });
        insertBatch(db, { id: 'b1', product_id: 'p1', lot_number: 'LOT-1' });
        expect(sqliteCode(() => insertBatch(db, { id: 'b2', product_id: 'p1', lot_number: 'LOT-1' }))).toBe(
          'SQLITE_CONSTRAINT_UNIQUE',
        );
        expect(
          sqliteCode(() => insertBatch(db, { id: 'b3', product_id: 'p2', lot_number: 'LOT-1' })),
        ).toBeNull();
        expect(
          sqliteCode(() => insertBatch(db, { id: 'b4', product_id: 'p1', lot_number: 'LOT-2' })),
        ).toBeNull();
        // Also on update: renaming a lot onto an existing one of the same product.
        expect(
          sqliteCode(() =>
            db.prepare("UPDATE product_batches SET lot_number = 'LOT-1' WHERE id = 'b4'").run(),
          ),
        ).toBe('SQLITE_CONSTRAINT_UNIQUE');
        expect(count(db, 'product_batches')).toBe(3);
      });

      it('keeps the quantity on hand unknown or not negative', () => {
        insertProduct(db);
        expect(
          sqliteCode(() => insertBatch(db, { id: 'b1', lot_number: 'A', quantity_on_hand: null })),
        ).toBeNull();
        expect(
          sqliteCode(() => insertBatch(db, { id: 'b2', lot_number: 'B', quantity_on_hand: 0 })),
        ).toBeNull();
        expect(sqliteCode(() => insertBatch(db, { id: 'b3', lot_number: 'C', quantity_on_hand: -1 }))).toBe(
          'SQLITE_CONSTRAINT_CHECK',
        );
        expect(sqliteCode(() => insertBatch(db, { id: 'b4', lot_number: 'D', quantity_on_hand: 1.5 }))).toBe(
          'SQLITE_CONSTRAINT_DATATYPE',
        );
      });

      it('refuses a batch of an unknown product, and deleting a product that has batches', () => {
        expect(sqliteCode(() => insertBatch(db, { product_id: 'nope' }))).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
        insertProduct(db);
        insertBatch(db);
        expect(sqliteCode(() => db.prepare("DELETE FROM products WHERE id = 'p1'").run())).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
        expect(count(db, 'products')).toBe(1);
      });

      it('requires a lot number and an expiry date', () => {
        insertProduct(db);
        expect(sqliteCode(() => insertBatch(db, { lot_number: null }))).toBe('SQLITE_CONSTRAINT_NOTNULL');
        expect(sqliteCode(() => insertBatch(db, { expiry_date: null }))).toBe('SQLITE_CONSTRAINT_NOTNULL');
      });
    });
  });
});
