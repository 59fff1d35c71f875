import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientInput } from '../../../electron/core/contract';
import { newId } from '../../../electron/core/db/ids';
import { recordsMigrations } from '../../../electron/core/db/migrations';
import {
  type ClientSearch,
  createClientsRepo,
  phoneSearchKeys,
  SEARCH_COUNT_CAP,
} from '../../../electron/core/db/repositories/clientsRepo';
import { createHistoryRepo } from '../../../electron/core/db/repositories/historyRepo';
import { createMetaRepo } from '../../../electron/core/db/repositories/metaRepo';
import { type Db, migrateTo, openRaw } from '../../support/sqlite';
import { useTempDirs } from '../../support/temp';

const AT = '2024-05-01T10:00:00.000Z';

describe('phoneSearchKeys', () => {
  it.each([
    ['07700 900123', '07700900123', '32100900770'],
    ['+44 (0) 7700-900.123', '4407700900123', '3210090077044'],
    ['1', '1', '1'],
  ])('%j -> %s / %s', (phone, digits, reversed) => {
    expect(phoneSearchKeys(phone)).toEqual({ digits, reversed });
  });

  it.each([null, '', '()- +'])('has no keys for %j', (phone) => {
    expect(phoneSearchKeys(phone)).toEqual({ digits: null, reversed: null });
  });
});

describe('repositories on a migrated database', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, recordsMigrations.length);
  });
  afterEach(() => db.close());

  describe('meta', () => {
    it('reads the device id and other keys', () => {
      const meta = createMetaRepo(db);
      expect(meta.deviceId()).toBe(meta.get('device_id'));
      expect(meta.get('created_at')).toMatch(/Z$/);
      expect(meta.get('nope')).toBeNull();
    });

    it('refuses to run without a device id', () => {
      db.prepare("DELETE FROM meta WHERE key = 'device_id'").run();
      expect(() => createMetaRepo(db).deviceId()).toThrow('meta.device_id is missing');
    });
  });

  describe('clients', () => {
    const write = (id: string, firstName = 'Ann') => ({
      id,
      fields: ClientInput.parse({ firstName, lastName: 'Lee' }),
      at: AT,
      deviceId: 'dev',
      practitionerId: 'prac-1',
    });

    it('reports false when updating or archiving a client that does not exist', () => {
      const repo = createClientsRepo(db);
      expect(repo.update(write(newId()))).toBe(false);
      expect(repo.setArchived(newId(), AT, AT, 'dev', null)).toBe(false);
      expect(repo.get(newId())).toBeNull();
    });

    it('records who and where each write came from', () => {
      const repo = createClientsRepo(db);
      const id = newId();
      repo.insert(write(id));
      repo.update({ ...write(id, 'Anne'), deviceId: 'dev-2', practitionerId: 'prac-2' });
      expect(
        db.prepare('SELECT created_by, updated_by, device_id FROM clients WHERE id = ?').get(id),
      ).toEqual({
        created_by: 'prac-1',
        updated_by: 'prac-2',
        device_id: 'dev-2',
      });
    });

    it('hides soft-deleted clients from get, update and every kind of search', () => {
      const repo = createClientsRepo(db);
      const id = newId();
      repo.insert({
        ...write(id),
        fields: ClientInput.parse({
          firstName: 'Ann',
          lastName: 'Lee',
          email: 'ann.lee@example.com',
          phone: '07700 900123',
        }),
      });
      const page = { status: 'all', sort: 'name-asc', offset: 0, limit: 10, withTotal: true } as const;
      const queries: ClientSearch['query'][] = [
        { kind: 'all' },
        { kind: 'text', match: '"ann"*' },
        { kind: 'text', match: '"ann.lee"*' },
        { kind: 'phone', digits: '07700', reversed: '00770' },
        { kind: 'phone', digits: '123', reversed: '321' },
      ];
      for (const query of queries) {
        expect(
          repo.search({ query, ...page }).items.map((c) => c.id),
          JSON.stringify(query),
        ).toEqual([id]);
      }

      db.prepare('UPDATE clients SET deleted_at = ? WHERE id = ?').run(AT, id);
      expect(repo.get(id)).toBeNull();
      expect(repo.update(write(id, 'Zed'))).toBe(false);
      for (const query of queries) {
        expect(repo.search({ query, ...page }), JSON.stringify(query)).toEqual({
          total: 0,
          capped: false,
          items: [],
        });
      }
    });

    it('searches phone digits as a prefix of the number or of its reverse, never the middle', () => {
      const repo = createClientsRepo(db);
      const id = newId();
      repo.insert({
        ...write(id),
        fields: ClientInput.parse({ firstName: 'Ann', lastName: 'Lee', phone: '0123 456' }),
      });
      const found = (digits: string) =>
        repo.search({
          query: { kind: 'phone', digits, reversed: [...digits].reverse().join('') },
          status: 'all',
          sort: 'name-asc',
          offset: 0,
          limit: 10,
          withTotal: true,
        }).total;
      expect(found('0123456')).toBe(1);
      expect(found('0')).toBe(1);
      expect(found('6')).toBe(1);
      expect(found('456')).toBe(1);
      expect(found('01234567')).toBe(0);
      expect(found('345')).toBe(0);
      expect(found('1')).toBe(0);
      // The range's upper bound (digits + ':') must not let in numbers that only sort nearby.
      expect(found('01')).toBe(1);
      expect(found('02')).toBe(0);
      expect(found('00')).toBe(0);
    });
  });

  describe('the search count cap', () => {
    function seed(
      count: number,
      extra: (i: number) => Partial<{ deleted: boolean; archived: boolean }> = () => ({}),
    ) {
      const repo = createClientsRepo(db);
      db.transaction(() => {
        for (let i = 0; i < count; i++) {
          const id = newId();
          repo.insert({
            id,
            fields: ClientInput.parse({
              firstName: `Capped${i}`,
              lastName: `Client${String(i).padStart(5, '0')}`,
              phone: `07700 ${String(i).padStart(6, '0')}`,
            }),
            at: AT,
            deviceId: 'dev',
            practitionerId: null,
          });
          const { deleted, archived } = extra(i);
          if (deleted) db.prepare('UPDATE clients SET deleted_at = ? WHERE id = ?').run(AT, id);
          if (archived) repo.setArchived(id, AT, AT, 'dev', null);
        }
      })();
      return repo;
    }
    const queries: ClientSearch['query'][] = [
      { kind: 'text', match: '("capped"*)' },
      { kind: 'phone', digits: '07700', reversed: '00770' },
    ];
    const run = (repo: ReturnType<typeof createClientsRepo>, query: ClientSearch['query'], status = 'all') =>
      repo.search({
        query,
        status: status as ClientSearch['status'],
        sort: 'name-asc',
        offset: 0,
        limit: 5,
        withTotal: true,
      });

    it('is 1000', () => {
      expect(SEARCH_COUNT_CAP).toBe(1000);
    });

    it('counts exactly 1000 matches exactly, uncapped', () => {
      const repo = seed(SEARCH_COUNT_CAP);
      for (const query of queries) {
        const result = run(repo, query);
        expect(result.total, query.kind).toBe(SEARCH_COUNT_CAP);
        expect(result.capped, query.kind).toBe(false);
        expect(result.items).toHaveLength(5);
      }
    });

    it('caps 1001 matches at 1000 and says so', () => {
      const repo = seed(SEARCH_COUNT_CAP + 1);
      for (const query of queries) {
        const result = run(repo, query);
        expect(result.total, query.kind).toBe(SEARCH_COUNT_CAP);
        expect(result.capped, query.kind).toBe(true);
        expect(result.items.map((c) => c.lastName)).toEqual([
          'Client00000',
          'Client00001',
          'Client00002',
          'Client00003',
          'Client00004',
        ]);
      }
      // The unfiltered list is always counted exactly.
      expect(run(repo, { kind: 'all' })).toMatchObject({ total: SEARCH_COUNT_CAP + 1, capped: false });
    });

    it('counts only live clients in the chosen status towards the cap', () => {
      // 1010 rows: 5 soft-deleted, 5 archived, so 1000 live active and 1005 live in all.
      const repo = seed(SEARCH_COUNT_CAP + 10, (i) => ({ deleted: i < 5, archived: i >= 5 && i < 10 }));
      for (const query of queries) {
        expect(run(repo, query, 'active'), query.kind).toMatchObject({
          total: SEARCH_COUNT_CAP,
          capped: false,
        });
        expect(run(repo, query, 'archived'), query.kind).toMatchObject({ total: 5, capped: false });
        expect(run(repo, query, 'all'), query.kind).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true });
      }
    });

    /** `count` clients whose numbers start and end with 0, so the phone query "0" matches each both ways. */
    function seedBothWays(count: number) {
      const repo = createClientsRepo(db);
      db.transaction(() => {
        for (let i = 0; i < count; i++) {
          repo.insert({
            id: newId(),
            fields: ClientInput.parse({
              firstName: 'Ann',
              lastName: 'Lee',
              phone: `07700 ${String(i).padStart(5, '1')}0`,
            }),
            at: AT,
            deviceId: 'dev',
            practitionerId: null,
          });
        }
      })();
      return repo;
    }
    const zero: ClientSearch['query'] = { kind: 'phone', digits: '0', reversed: '0' };

    it('counts a phone number that matches both forwards and reversed once', () => {
      const repo = seedBothWays(300);
      expect(run(repo, zero)).toMatchObject({ total: 300, capped: false });
    });

    // BUG: the phone count adds the forwards and reversed counts (each capped at 1001) and only takes the exact
    // union when that sum is within the cap. 600 numbers starting and ending with 0 sum to 1200 for "0", so the
    // search says "more than 1000" (capped, total 1000) while only 600 clients match; the list then sizes
    // itself for 1000 rows. Drop `.fails` once clientsRepo counts the union whenever neither side alone is over
    // the cap.
    it('is not capped when numbers matching both ways sum past the cap but are fewer than it', () => {
      const repo = seedBothWays(600);
      const first = run(repo, zero);
      const all = repo.search({
        query: zero,
        status: 'all',
        sort: 'name-asc',
        offset: 0,
        limit: 500,
        withTotal: true,
      });
      const rest = repo.search({
        query: zero,
        status: 'all',
        sort: 'name-asc',
        offset: 500,
        limit: 500,
        withTotal: true,
      });
      expect(all.items.length + rest.items.length).toBe(600);
      expect(first).toMatchObject({ total: 600, capped: false });
    });
  });

  describe('withTotal', () => {
    it('skips the count of the unfiltered list when not asked for, with the same page', () => {
      const repo = createClientsRepo(db);
      for (const name of ['Cara', 'Abe', 'Bea']) {
        repo.insert({
          id: newId(),
          fields: ClientInput.parse({ firstName: name, lastName: 'Lee', phone: '07700 900123' }),
          at: AT,
          deviceId: 'dev',
          practitionerId: null,
        });
      }
      const page = { status: 'active', sort: 'name-asc', offset: 1, limit: 10 } as const;
      const counted = repo.search({ query: { kind: 'all' }, ...page, withTotal: true });
      const uncounted = repo.search({ query: { kind: 'all' }, ...page, withTotal: false });
      expect(counted.total).toBe(3);
      expect(uncounted).toEqual({ total: null, capped: false, items: counted.items });
      expect(counted.items.map((c) => c.firstName)).toEqual(['Bea', 'Cara']);
      for (const query of [
        { kind: 'text', match: '("lee"*)' },
        { kind: 'phone', digits: '07700', reversed: '00770' },
      ] as const) {
        expect(repo.search({ query, ...page, withTotal: false }).items, query.kind).toEqual(counted.items);
      }
    });
  });

  describe('history', () => {
    it('treats the larger (later) id as the latest when two versions share a timestamp', () => {
      const clients = createClientsRepo(db);
      const history = createHistoryRepo(db);
      const clientId = newId();
      clients.insert({
        id: clientId,
        fields: ClientInput.parse({ firstName: 'Ann', lastName: 'Lee' }),
        at: AT,
        deviceId: 'dev',
        practitionerId: null,
      });
      const base = {
        clientId,
        questionnaireId: 'medical-history',
        questionnaireVersion: 1,
        recordedAt: AT,
        notes: null,
        answers: [],
        deviceId: 'dev',
        practitionerId: null,
        newId,
      };
      const first = newId();
      const second = newId();
      expect(second > first).toBe(true);
      history.insert({ ...base, id: second, notes: 'second' });
      history.insert({ ...base, id: first, notes: 'first' });
      expect(history.latest(clientId)?.notes).toBe('second');
      expect(history.versions(clientId).map((v) => v.id)).toEqual([second, first]);
    });

    it('hides soft-deleted versions', () => {
      const clients = createClientsRepo(db);
      const history = createHistoryRepo(db);
      const clientId = newId();
      clients.insert({
        id: clientId,
        fields: ClientInput.parse({ firstName: 'Ann', lastName: 'Lee' }),
        at: AT,
        deviceId: 'dev',
        practitionerId: null,
      });
      const id = newId();
      history.insert({
        id,
        clientId,
        questionnaireId: 'q',
        questionnaireVersion: 1,
        recordedAt: AT,
        notes: null,
        answers: [{ questionId: 'pregnancy', answer: 'no', detail: null, date: null }],
        deviceId: 'dev',
        practitionerId: null,
        newId,
      });
      db.prepare('UPDATE medical_histories SET deleted_at = ? WHERE id = ?').run(AT, id);
      expect(history.latest(clientId)).toBeNull();
      expect(history.get(clientId, id)).toBeNull();
      expect(history.versions(clientId)).toEqual([]);
    });
  });
});
