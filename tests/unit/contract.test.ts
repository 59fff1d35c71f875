import { afterEach, describe, expect, it, vi } from 'vitest';
import { issuesFromZod } from '../../electron/core/api/dispatch';
import {
  API_NAMES,
  ApiError,
  CHANNEL_PREFIX,
  ClientInput,
  channelFor,
  contract,
  DomainError,
  fitzpatrickLabel,
  HistorySaveInput,
  localDate as localToday,
  pastDate,
  unwrap,
} from '../../electron/core/contract';

const issues = (result: ReturnType<typeof ClientInput.safeParse>) =>
  result.success ? [] : issuesFromZod(result.error);

describe('contract', () => {
  it('lists every call once, each with a channel under the dermachart: prefix', () => {
    expect(API_NAMES).toEqual([
      'clients.search',
      'clients.get',
      'clients.create',
      'clients.update',
      'clients.archive',
      'clients.restore',
      'history.get',
      'history.save',
      'catalogue.get',
      'catalogue.saveTreatmentType',
      'catalogue.saveDevice',
      'catalogue.saveProduct',
      'catalogue.saveBatch',
      'catalogue.setRetired',
      'sessions.start',
      'sessions.get',
      'sessions.saveDraft',
      'sessions.acknowledge',
      'sessions.sign',
      'sessions.amend',
      'sessions.discard',
      'sessions.listForClient',
      'sessions.onDay',
      'photos.import',
      'photos.list',
      'photos.update',
      'photos.exportComparison',
      'consents.templates',
      'consents.template',
      'consents.saveTemplate',
      'consents.setTemplateRetired',
      'consents.prepare',
      'consents.sign',
      'consents.attachPaper',
      'consents.blankForm',
      'consents.forClient',
      'consents.list',
      'consents.get',
      'consents.revoke',
      'consents.verify',
      'consents.document',
      'consents.print',
      'settings.get',
      'settings.save',
      'settings.setLogo',
      'settings.clearLogo',
      'settings.savePractitioner',
      'settings.setPractitionerRetired',
      'aftercare.templates',
      'aftercare.template',
      'aftercare.saveTemplate',
      'aftercare.setTemplateRetired',
      'documents.preview',
      'documents.issue',
      'documents.reissue',
      'documents.listForClient',
    ]);
    expect(Object.keys(contract)).toEqual(API_NAMES);
    for (const name of API_NAMES) expect(channelFor(name)).toBe(`${CHANNEL_PREFIX}${name}`);
    expect(CHANNEL_PREFIX).toBe('dermachart:');
  });

  it('labels Fitzpatrick types in Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6].map((t) => fitzpatrickLabel(t as 1))).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
    ]);
  });

  describe('envelopes', () => {
    it('unwrap returns the value of a success', () => {
      expect(unwrap({ ok: true, value: 42 })).toBe(42);
    });

    it('unwrap throws an ApiError carrying the code and issues of a failure', () => {
      const shape = {
        code: 'VALIDATION' as const,
        message: 'Check it',
        issues: [{ path: 'email', message: 'bad' }],
      };
      let thrown: unknown;
      try {
        unwrap({ ok: false, error: shape });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ApiError);
      expect(thrown).toMatchObject({
        name: 'ApiError',
        message: 'Check it',
        code: 'VALIDATION',
        issues: shape.issues,
      });
    });

    it('DomainError defaults to no issues', () => {
      const error = new DomainError('NOT_FOUND', 'gone');
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'DomainError', code: 'NOT_FOUND', message: 'gone', issues: [] });
    });
  });

  describe('ClientInput', () => {
    const base = { firstName: 'Ann', lastName: 'Lee' };

    it('accepts the phone formats clinics write', () => {
      for (const phone of ['07700 900123', '+44 7700 900123', '(0117) 496-0000', '0117.496.0000', '123456']) {
        expect(ClientInput.safeParse({ ...base, phone }).success, phone).toBe(true);
      }
    });

    it('refuses phone numbers with letters, too few digits or too many characters', () => {
      for (const phone of [
        '0770O 900123',
        '12345',
        '+',
        '1'.repeat(26),
        '07700 900123 ext 4',
        '07700#900123',
      ]) {
        expect(
          issues(ClientInput.safeParse({ ...base, phone })).map((i) => i.path),
          phone,
        ).toEqual(['phone']);
      }
    });

    it('lowercases and trims email, and accepts a cleared one', () => {
      expect(ClientInput.parse({ ...base, email: ' A.B@C.Org ' }).email).toBe('a.b@c.org');
      expect(ClientInput.parse({ ...base, email: '  ' }).email).toBeNull();
    });

    it('fills absent nested objects with nulls', () => {
      const parsed = ClientInput.parse(base);
      expect(parsed.address).toEqual({
        line1: null,
        line2: null,
        city: null,
        region: null,
        postcode: null,
        country: null,
      });
      expect(parsed.emergencyContact).toEqual({ name: null, phone: null, relationship: null });
      expect(parsed.skinConcerns).toEqual([]);
    });

    it('accepts dates from 1900-01-01 to today', () => {
      expect(ClientInput.parse({ ...base, dateOfBirth: '1900-01-01' }).dateOfBirth).toBe('1900-01-01');
      const today = new Date().toISOString().slice(0, 10);
      expect(ClientInput.parse({ ...base, dateOfBirth: today }).dateOfBirth).toBe(today);
    });

    it('reports only the format problem for a date that is not YYYY-MM-DD', () => {
      // BUG (see report): the two refinements on pastDate still run after the format check fails, so
      // "01/05/2024" also gets "Date must be after 1900" and "x" also gets "Date cannot be in the future".
      for (const dateOfBirth of ['01/05/2024', 'x']) {
        expect(issues(ClientInput.safeParse({ ...base, dateOfBirth })), dateOfBirth).toEqual([
          { path: 'dateOfBirth', message: 'Use the format YYYY-MM-DD' },
        ]);
      }
    });

    it('caps the number of skin concerns and removes duplicates', () => {
      expect(ClientInput.parse({ ...base, skinConcerns: ['acne', 'acne', 'texture'] }).skinConcerns).toEqual([
        'acne',
        'texture',
      ]);
    });
  });

  describe('HistorySaveInput', () => {
    it('turns empty details, dates and notes into null', () => {
      const parsed = HistorySaveInput.parse({
        clientId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        answers: [{ questionId: 'pregnancy', answer: 'no', detail: '   ', date: '' }],
        notes: '',
      });
      expect(parsed.answers[0]).toEqual({ questionId: 'pregnancy', answer: 'no', detail: null, date: null });
      expect(parsed.notes).toBeNull();
    });

    it('refuses more than 200 answers', () => {
      const answers = Array.from({ length: 201 }, (_, i) => ({ questionId: `q${i}`, answer: 'no' }));
      const result = HistorySaveInput.safeParse({
        clientId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        answers,
      });
      expect(result.success).toBe(false);
    });
  });

  describe('"today" for date validation, in the clinic’s time zone', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      vi.useRealTimers();
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    });

    it('agrees with localToday() in a time zone ahead of UTC (Sydney, 09:30 on 16 June)', () => {
      // BUG (see report): pastDate takes "today" from toISOString() (UTC) while the core's today() is the
      // local date, so in Sydney before 10:00 a date of today is refused as "in the future".
      process.env.TZ = 'Australia/Sydney';
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2024-06-15T23:30:00.000Z'));
      expect(localToday()).toBe('2024-06-16');
      expect(pastDate.safeParse('2024-06-16').success).toBe(true);
    });

    it('agrees with localToday() in a time zone behind UTC (New York, 21:00 on 15 June)', () => {
      process.env.TZ = 'America/New_York';
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2024-06-16T01:00:00.000Z'));
      expect(localToday()).toBe('2024-06-15');
      expect(pastDate.safeParse('2024-06-16').success).toBe(false);
    });
  });
});
