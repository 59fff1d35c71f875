import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientInput } from '../../../electron/core/contract';
import { newId } from '../../../electron/core/db/ids';
import { createClientsRepo, phoneSearchKeys } from '../../../electron/core/db/repositories/clientsRepo';
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
    migrateTo(db, 3);
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

    it('hides soft-deleted clients from get, update and search', () => {
      const repo = createClientsRepo(db);
      const id = newId();
      repo.insert(write(id));
      db.prepare('UPDATE clients SET deleted_at = ? WHERE id = ?').run(AT, id);
      expect(repo.get(id)).toBeNull();
      expect(repo.update(write(id, 'Zed'))).toBe(false);
      expect(repo.search({ match: null, status: 'all', sort: 'name-asc', offset: 0, limit: 10 }).total).toBe(
        0,
      );
      expect(
        repo.search({ match: '"ann"*', status: 'all', sort: 'name-asc', offset: 0, limit: 10 }).total,
      ).toBe(0);
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
