import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { ClientInput } from '../../electron/core/contract';
import { call, callError, rowCount, sleep, useCores, useSharedCore } from '../support/core';
import { FULL_CLIENT, UTC_ISO, UUID_V7 } from '../support/fixtures';
import { useTempDirs } from '../support/temp';

const MINIMAL: ClientInput = { firstName: 'Ann', lastName: 'Lee' };

describe('clients via the real dispatcher', () => {
  const newCore = useCores();
  const tempDir = useTempDirs();

  describe('create and get', () => {
    const shared = useSharedCore();
    it('stores every field, trimmed, with empty strings as null and the email lowercased', async () => {
      const core = shared();
      const client = await call(core, 'clients.create', FULL_CLIENT);
      expect(client).toEqual({
        id: expect.stringMatching(UUID_V7),
        firstName: 'Joanna',
        lastName: 'Smith',
        preferredName: 'Jo',
        dateOfBirth: '1988-04-12',
        sex: 'female',
        pronouns: 'she/her',
        phone: '+44 7700 900123',
        email: 'joanna.smith@example.com',
        address: {
          line1: '12 High Street',
          line2: null,
          city: 'Bristol',
          region: null,
          postcode: 'BS1 4DJ',
          country: 'United Kingdom',
        },
        emergencyContact: { name: 'Mark Smith', phone: '07700 900456', relationship: 'Partner' },
        fitzpatrick: 3,
        skinConcerns: ['acne-scars', 'pigmentation', 'texture'],
        allergies: 'Lidocaine',
        medications: null,
        notes: 'Prefers morning appointments.',
        archivedAt: null,
        createdAt: expect.stringMatching(UTC_ISO),
        updatedAt: expect.stringMatching(UTC_ISO),
      });
      expect(client.updatedAt).toBe(client.createdAt);

      const detail = await call(core, 'clients.get', { id: client.id });
      expect(detail.client).toEqual(client);
      expect(detail.historyRecordedAt).toBeNull();
    });

    it('writes the search keys, the workstation and nulls to the row itself', async () => {
      const core = shared();
      const client = await call(core, 'clients.create', FULL_CLIENT);
      const row = core.db.prepare('SELECT * FROM clients WHERE id = ?').get(client.id) as Record<
        string,
        unknown
      >;
      const deviceId = core.db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get();
      expect(row).toMatchObject({
        phone_digits: '447700900123',
        phone_digits_reversed: '321009007744',
        address_line2: null,
        region: null,
        medications: null,
        device_id: deviceId,
        created_by: null,
        deleted_at: null,
        archived_at: null,
      });
      expect(
        rowCount(core, 'client_skin_concerns', `client_id = '${client.id}' AND deleted_at IS NULL`),
      ).toBe(3);
    });

    it('accepts just the two names and fills the rest with nulls', async () => {
      const core = shared();
      const client = await call(core, 'clients.create', MINIMAL);
      expect(client).toMatchObject({
        firstName: 'Ann',
        lastName: 'Lee',
        preferredName: null,
        dateOfBirth: null,
        sex: null,
        pronouns: null,
        phone: null,
        email: null,
        address: { line1: null, line2: null, city: null, region: null, postcode: null, country: null },
        emergencyContact: { name: null, phone: null, relationship: null },
        fitzpatrick: null,
        skinConcerns: [],
        allergies: null,
        medications: null,
        notes: null,
      });
      const row = core.db
        .prepare('SELECT phone_digits, phone_digits_reversed FROM clients WHERE id = ?')
        .get(client.id);
      expect(row).toEqual({ phone_digits: null, phone_digits_reversed: null });
    });

    it('treats explicit nulls and empty strings as "not set"', async () => {
      const core = shared();
      const client = await call(core, 'clients.create', {
        ...MINIMAL,
        dateOfBirth: '',
        sex: null,
        phone: '   ',
        email: '',
        fitzpatrick: null,
        emergencyContact: { name: '', phone: '', relationship: null },
      });
      expect(client).toMatchObject({
        dateOfBirth: null,
        sex: null,
        phone: null,
        email: null,
        fitzpatrick: null,
      });
      expect(client.emergencyContact).toEqual({ name: null, phone: null, relationship: null });
    });

    it('stores a repeated skin concern once', async () => {
      const core = shared();
      const client = await call(core, 'clients.create', {
        ...MINIMAL,
        skinConcerns: ['acne', 'acne', 'melasma'],
      });
      expect(client.skinConcerns).toEqual(['acne', 'melasma']);
      expect(rowCount(core, 'client_skin_concerns', `client_id = '${client.id}'`)).toBe(2);
    });

    it('ignores ids, timestamps and unknown keys sent by the caller', async () => {
      const core = shared();
      const forged = {
        ...MINIMAL,
        id: '00000000-0000-7000-8000-000000000000',
        createdAt: '1999-01-01T00:00:00.000Z',
        archivedAt: '1999-01-01T00:00:00.000Z',
        isAdmin: true,
      };
      const client = await call(core, 'clients.create', forged as ClientInput);
      expect(client.id).not.toBe(forged.id);
      expect(client.createdAt).not.toBe(forged.createdAt);
      expect(client.archivedAt).toBeNull();
      expect(client).not.toHaveProperty('isAdmin');
    });

    it('gives UUIDv7 ids in creation order and UTC ISO timestamps from the current clock', async () => {
      const core = shared();
      const before = new Date().toISOString();
      const ids: string[] = [];
      for (let i = 0; i < 20; i++)
        ids.push((await call(core, 'clients.create', { ...MINIMAL, firstName: `A${i}` })).id);
      const after = new Date().toISOString();
      for (const id of ids) {
        expect(id).toMatch(UUID_V7);
        expect(id[14]).toBe('7');
      }
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
      const detail = await call(core, 'clients.get', { id: ids[0]! });
      expect(detail.client.createdAt >= before && detail.client.createdAt <= after).toBe(true);
      expect(new Date(detail.client.createdAt).toISOString()).toBe(detail.client.createdAt);
      // The time in a v7 id is the creation time (to the millisecond).
      const idMs = Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16);
      expect(Math.abs(idMs - Date.parse(detail.client.createdAt))).toBeLessThan(5);
    });
  });

  describe('update', () => {
    const shared = useSharedCore();
    it('replaces every field, keeps createdAt and moves updatedAt', async () => {
      const core = shared();
      const created = await call(core, 'clients.create', FULL_CLIENT);
      await sleep(3);
      const updated = await call(core, 'clients.update', {
        id: created.id,
        fields: {
          firstName: 'Joanne',
          lastName: 'Smith-Jones',
          email: 'JJ@Example.org',
          phone: '(0117) 496-0000',
          sex: 'unspecified',
          fitzpatrick: 5,
          address: { city: ' Bath ' },
          skinConcerns: ['melasma'],
        },
      });
      expect(updated).toMatchObject({
        id: created.id,
        firstName: 'Joanne',
        lastName: 'Smith-Jones',
        preferredName: null,
        dateOfBirth: null,
        email: 'jj@example.org',
        phone: '(0117) 496-0000',
        sex: 'unspecified',
        fitzpatrick: 5,
        address: { line1: null, line2: null, city: 'Bath', region: null, postcode: null, country: null },
        emergencyContact: { name: null, phone: null, relationship: null },
        skinConcerns: ['melasma'],
        allergies: null,
        notes: null,
        createdAt: created.createdAt,
      });
      expect(updated.updatedAt > created.updatedAt).toBe(true);
      expect((await call(core, 'clients.get', { id: created.id })).client).toEqual(updated);
      const row = core.db.prepare('SELECT phone_digits FROM clients WHERE id = ?').pluck().get(created.id);
      expect(row).toBe('01174960000');
    });

    it('tombstones removed skin concerns and revives re-added ones instead of duplicating them', async () => {
      const core = shared();
      const { id } = await call(core, 'clients.create', { ...MINIMAL, skinConcerns: ['acne', 'melasma'] });
      type ConcernRow = { id: string; concern: string; deleted_at: string | null };
      const rows = () =>
        core.db
          .prepare(
            'SELECT id, concern, deleted_at FROM client_skin_concerns WHERE client_id = ? ORDER BY concern',
          )
          .all(id) as ConcernRow[];
      const original = rows();

      const second = await call(core, 'clients.update', {
        id,
        fields: { ...MINIMAL, skinConcerns: ['melasma', 'texture'] },
      });
      expect(second.skinConcerns).toEqual(['melasma', 'texture']);
      const afterRemove = rows();
      expect(afterRemove.map((r) => [r.concern, r.deleted_at === null])).toEqual([
        ['acne', false],
        ['melasma', true],
        ['texture', true],
      ]);
      expect(afterRemove[0]!.deleted_at).toMatch(UTC_ISO);
      expect(afterRemove[0]!.deleted_at).toBe(second.updatedAt);
      expect(afterRemove[1]!.id).toBe(original[1]!.id);

      const third = await call(core, 'clients.update', {
        id,
        fields: { ...MINIMAL, skinConcerns: ['acne', 'texture'] },
      });
      expect(third.skinConcerns).toEqual(['acne', 'texture']);
      const afterReAdd = rows();
      expect(afterReAdd).toHaveLength(3);
      expect(afterReAdd.map((r) => [r.concern, r.deleted_at === null])).toEqual([
        ['acne', true],
        ['melasma', false],
        ['texture', true],
      ]);
      expect(afterReAdd[0]!.id).toBe(original[0]!.id);

      const cleared = await call(core, 'clients.update', { id, fields: MINIMAL });
      expect(cleared.skinConcerns).toEqual([]);
      expect(rowCount(core, 'client_skin_concerns', `client_id = '${id}' AND deleted_at IS NULL`)).toBe(0);
      expect(rowCount(core, 'client_skin_concerns', `client_id = '${id}'`)).toBe(3);
    });

    it('keeps an archived client archived', async () => {
      const core = shared();
      const { id } = await call(core, 'clients.create', MINIMAL);
      const archived = await call(core, 'clients.archive', { id });
      const updated = await call(core, 'clients.update', { id, fields: { ...MINIMAL, notes: 'x' } });
      expect(updated.archivedAt).toBe(archived.archivedAt);
    });
  });

  describe('validation', () => {
    const shared = useSharedCore();
    const counts = () => [rowCount(shared(), 'clients'), rowCount(shared(), 'client_skin_concerns')];
    const cases: [string, unknown, string, RegExp][] = [
      ['a missing first name', { lastName: 'Lee' }, 'firstName', /First name is required/],
      ['a blank first name', { firstName: '   ', lastName: 'Lee' }, 'firstName', /First name is required/],
      ['a missing last name', { firstName: 'Ann' }, 'lastName', /Last name is required/],
      ['an overlong name', { firstName: 'A'.repeat(101), lastName: 'Lee' }, 'firstName', /100 characters/],
      ['a bad email', { ...MINIMAL, email: 'ann@' }, 'email', /valid email/],
      ['an email with spaces', { ...MINIMAL, email: 'ann lee@example.com' }, 'email', /valid email/],
      ['letters in a phone', { ...MINIMAL, phone: 'call me maybe' }, 'phone', /phone number/],
      ['a phone with too few digits', { ...MINIMAL, phone: '123 45' }, 'phone', /at least 6 digits/],
      ['a phone of punctuation', { ...MINIMAL, phone: '(--) ()' }, 'phone', /phone number/],
      [
        'a bad emergency phone',
        { ...MINIMAL, emergencyContact: { name: 'Bo', phone: 'x' } },
        'emergencyContact.phone',
        /phone number/,
      ],
      [
        'a future date of birth',
        { ...MINIMAL, dateOfBirth: '2999-01-01' },
        'dateOfBirth',
        /cannot be in the future/,
      ],
      ['a date of birth before 1900', { ...MINIMAL, dateOfBirth: '1899-12-31' }, 'dateOfBirth', /after 1900/],
      ['an impossible date', { ...MINIMAL, dateOfBirth: '2001-02-30' }, 'dateOfBirth', /YYYY-MM-DD/],
      ['a date in another format', { ...MINIMAL, dateOfBirth: '12/04/1988' }, 'dateOfBirth', /YYYY-MM-DD/],
      ['Fitzpatrick 7', { ...MINIMAL, fitzpatrick: 7 }, 'fitzpatrick', /I to VI/],
      ['Fitzpatrick 0', { ...MINIMAL, fitzpatrick: 0 }, 'fitzpatrick', /I to VI/],
      ['Fitzpatrick as text', { ...MINIMAL, fitzpatrick: '3' }, 'fitzpatrick', /I to VI/],
      ['an unknown sex', { ...MINIMAL, sex: 'other' }, 'sex', /listed options/],
      [
        'an unknown skin concern',
        { ...MINIMAL, skinConcerns: ['acne', 'freckles'] },
        'skinConcerns.1',
        /Unknown/,
      ],
      ['skin concerns as a string', { ...MINIMAL, skinConcerns: 'acne' }, 'skinConcerns', /.+/],
      ['a number for a name', { firstName: 42, lastName: 'Lee' }, 'firstName', /First name is required/],
      ['an address as text', { ...MINIMAL, address: '1 High St' }, 'address', /.+/],
      ['notes as an object', { ...MINIMAL, notes: { text: 'hi' } }, 'notes', /.+/],
      ['overlong allergies', { ...MINIMAL, allergies: 'x'.repeat(2001) }, 'allergies', /under 2000/],
      [
        'an overlong postcode',
        { ...MINIMAL, address: { postcode: 'x'.repeat(21) } },
        'address.postcode',
        /under 20/,
      ],
    ];

    it.each(cases)(
      'refuses %s with a VALIDATION envelope and writes nothing',
      async (_label, payload, path, message) => {
        const core = shared();
        const before = counts();
        const error = await callError(core, 'clients.create', payload);
        expect(error.code).toBe('VALIDATION');
        const issue = error.issues.find((i) => i.path === path);
        expect(issue, JSON.stringify(error.issues)).toBeDefined();
        expect(issue!.message).toMatch(message);
        expect(error.message).toBe(`Please check "${error.issues[0]!.path}": ${error.issues[0]!.message}`);
        expect(counts()).toEqual(before);
      },
    );

    it.each([
      ['null', null],
      ['a string', 'Ann Lee'],
      ['a number', 42],
      ['an array', [{ firstName: 'Ann', lastName: 'Lee' }]],
      ['undefined', undefined],
    ])('refuses %s as a payload with a whole-payload issue', async (_label, payload) => {
      const core = shared();
      const before = counts();
      const error = await callError(core, 'clients.create', payload);
      expect(error).toEqual({
        code: 'VALIDATION',
        message: expect.stringMatching(/^Please check the form: /),
        issues: [{ path: '', message: expect.any(String) }],
      });
      expect(counts()).toEqual(before);
    });

    it('reports every problem at once, the first one in the message', async () => {
      const core = shared();
      const error = await callError(core, 'clients.create', {
        firstName: '',
        lastName: 'Lee',
        email: 'nope',
        fitzpatrick: 9,
        skinConcerns: ['acne', 'nope'],
      });
      expect(error.issues.map((i) => i.path).sort()).toEqual([
        'email',
        'firstName',
        'fitzpatrick',
        'skinConcerns.1',
      ]);
      expect(error.message).toBe('Please check "firstName": First name is required');
    });

    it('refuses an update with a bad id or bad fields and changes nothing', async () => {
      const core = shared();
      const created = await call(core, 'clients.create', FULL_CLIENT);
      const badId = await callError(core, 'clients.update', { id: 'not-a-uuid', fields: MINIMAL });
      expect(badId.code).toBe('VALIDATION');
      expect(badId.issues).toEqual([{ path: 'id', message: 'Not a valid client id' }]);
      const badFields = await callError(core, 'clients.update', {
        id: created.id,
        fields: { ...MINIMAL, email: 'still not an email' },
      });
      expect(badFields.code).toBe('VALIDATION');
      expect(badFields.issues.map((i) => i.path)).toEqual(['fields.email']);
      const missingFields = await callError(core, 'clients.update', { id: created.id });
      expect(missingFields.issues.map((i) => i.path)).toEqual(['fields']);
      expect((await call(core, 'clients.get', { id: created.id })).client).toEqual(created);
    });

    it.each(['clients.get', 'clients.archive', 'clients.restore'])(
      '%s refuses a malformed id',
      async (name) => {
        const core = shared();
        for (const payload of [{ id: 'abc' }, { id: 42 }, {}, { id: "1' OR '1'='1" }]) {
          const error = await callError(core, name, payload);
          expect(error.code).toBe('VALIDATION');
          expect(error.issues[0]!.path).toBe('id');
        }
      },
    );
  });

  describe('unknown calls and missing clients', () => {
    const shared = useSharedCore();
    it.each([
      'clients.delete',
      'clients',
      '',
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'CLIENTS.CREATE',
      'dermachart:clients.create',
    ])('answers %j with UNKNOWN_CALL', async (name) => {
      const core = shared();
      const before = rowCount(core, 'clients');
      const error = await callError(core, name, MINIMAL);
      expect(error.code).toBe('UNKNOWN_CALL');
      expect(error.message).toContain('Unknown call');
      expect(error.issues).toEqual([]);
      expect(rowCount(core, 'clients')).toBe(before);
    });

    it('answers a non-string name with UNKNOWN_CALL', async () => {
      const core = shared();
      const error = await callError(core, 42 as unknown as string, MINIMAL);
      expect(error.code).toBe('UNKNOWN_CALL');
    });

    it('answers NOT_FOUND for a well-formed id that matches no client', async () => {
      const core = shared();
      await call(core, 'clients.create', MINIMAL);
      const before = rowCount(core, 'clients');
      const id = randomUUID();
      for (const [name, payload] of [
        ['clients.get', { id }],
        ['clients.update', { id, fields: MINIMAL }],
        ['clients.archive', { id }],
        ['clients.restore', { id }],
        ['history.get', { clientId: id }],
      ] as const) {
        const error = await callError(core, name, payload);
        expect(error).toEqual({
          code: 'NOT_FOUND',
          message: 'That client no longer exists. Refresh the list and try again.',
          issues: [],
        });
      }
      expect(rowCount(core, 'clients')).toBe(before);
    });

    it('turns an unexpected failure into INTERNAL and logs it', async () => {
      const log = vi.fn();
      const core = newCore({ log });
      const { id } = await call(core, 'clients.create', MINIMAL);
      core.close();
      const error = await callError(core, 'clients.get', { id });
      expect(error).toEqual({
        code: 'INTERNAL',
        message: 'Something went wrong; nothing was changed. Please try again.',
        issues: [],
      });
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]![0]).toBeInstanceOf(Error);
    });
  });

  describe('archive and restore', () => {
    it('archives, restores and filters by status', async () => {
      const core = newCore();
      const ann = await call(core, 'clients.create', { firstName: 'Ann', lastName: 'Archer' });
      const bob = await call(core, 'clients.create', { firstName: 'Bob', lastName: 'Baker' });
      const names = async (status: 'active' | 'archived' | 'all') =>
        (await call(core, 'clients.search', { status })).items.map((c) => c.firstName);

      expect(await names('active')).toEqual(['Ann', 'Bob']);
      expect(await names('archived')).toEqual([]);

      await sleep(2);
      const archived = await call(core, 'clients.archive', { id: ann.id });
      expect(archived.archivedAt).toMatch(UTC_ISO);
      expect(archived.updatedAt).toBe(archived.archivedAt);
      expect(archived.updatedAt > ann.updatedAt).toBe(true);
      expect(await names('active')).toEqual(['Bob']);
      expect(await names('archived')).toEqual(['Ann']);
      expect(await names('all')).toEqual(['Ann', 'Bob']);
      expect((await call(core, 'clients.search', {})).items.map((c) => c.firstName)).toEqual(['Bob']);
      const summary = (await call(core, 'clients.search', { status: 'archived' })).items[0]!;
      expect(summary.archivedAt).toBe(archived.archivedAt);

      // An archived client is still readable.
      expect((await call(core, 'clients.get', { id: ann.id })).client.archivedAt).toBe(archived.archivedAt);

      await sleep(2);
      const restored = await call(core, 'clients.restore', { id: ann.id });
      expect(restored.archivedAt).toBeNull();
      expect(restored.updatedAt > archived.updatedAt).toBe(true);
      expect(await names('active')).toEqual(['Ann', 'Bob']);
      expect(await names('archived')).toEqual([]);
      expect(bob.archivedAt).toBeNull();
    });

    it('archiving twice or restoring an active client changes nothing', async () => {
      const core = newCore();
      const ann = await call(core, 'clients.create', MINIMAL);
      expect(await call(core, 'clients.restore', { id: ann.id })).toEqual(ann);
      const archived = await call(core, 'clients.archive', { id: ann.id });
      await sleep(2);
      expect(await call(core, 'clients.archive', { id: ann.id })).toEqual(archived);
    });
  });

  describe('persistence', () => {
    it('keeps clients, concerns and the search index after closing and reopening the same folder', async () => {
      const dataDir = tempDir();
      const first = newCore({ dataDir });
      const created = await call(first, 'clients.create', FULL_CLIENT);
      await call(first, 'clients.archive', { id: created.id });
      const deviceId = first.context.deviceId;
      first.close();

      const second = newCore({ dataDir });
      expect(second.context.deviceId).toBe(deviceId);
      const detail = await call(second, 'clients.get', { id: created.id });
      expect(detail.client).toEqual({
        ...created,
        archivedAt: expect.stringMatching(UTC_ISO),
        updatedAt: expect.stringMatching(UTC_ISO),
      });
      const found = await call(second, 'clients.search', { query: 'jo smi', status: 'all' });
      expect(found.items.map((c) => c.id)).toEqual([created.id]);
    });
  });
});
