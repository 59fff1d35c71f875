import { describe, expect, it } from 'vitest';
import {
  type Alert,
  type FitzpatrickType,
  type HistoryAnswer,
  type HistoryVersion,
  Questionnaire,
} from '../../electron/core/contract';
import { computeAlerts, daysBetween, monthsBefore } from '../../electron/core/domain/screening/alerts';
import { loadDefaultQuestionnaire, questionsOf } from '../../electron/core/domain/screening/questionnaire';

const questionnaire = loadDefaultQuestionnaire();
const TODAY = '2024-08-31';

function history(
  answers: Partial<HistoryAnswer>[] = [],
  recordedAt = '2024-08-20T10:00:00.000Z',
): HistoryVersion {
  const given = new Map(answers.map((a) => [a.questionId, a]));
  return {
    id: 'h1',
    clientId: 'c1',
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    recordedAt,
    notes: null,
    answers: questionsOf(questionnaire).map((q) => ({
      questionId: q.id,
      answer: 'no',
      detail: null,
      date: null,
      ...given.get(q.id),
    })),
  };
}

function alerts(
  h: HistoryVersion | null,
  extra: { fitzpatrick?: FitzpatrickType | null; allergies?: string | null; today?: string } = {},
): Alert[] {
  return computeAlerts({
    questionnaire,
    history: h,
    fitzpatrick: extra.fitzpatrick ?? null,
    allergies: extra.allergies ?? null,
    today: extra.today ?? TODAY,
  });
}

const keys = (list: Alert[]) => list.map((a) => a.key);

describe('the default questionnaire', () => {
  it('loads, validates and has unique question ids', () => {
    const ids = questionsOf(questionnaire).map((q) => q.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(questionnaire.reviewAfterDays).toBe(180);
  });

  it('defaults onUnsure to true, except for the cold sore question', () => {
    const noUnsure = questionsOf(questionnaire)
      .filter((q) => q.alert && !q.alert.onUnsure)
      .map((q) => q.id);
    expect(noUnsure).toEqual(['herpes_history']);
  });

  it('gives every look-back question a date to ask for', () => {
    for (const q of questionsOf(questionnaire).filter((q) => q.alert?.lookbackMonths)) {
      expect(q.asksDate, q.id).toBeTruthy();
    }
  });
});

describe('computeAlerts', () => {
  describe('history presence and age', () => {
    it('flags a missing history and nothing else', () => {
      expect(alerts(null)).toEqual([
        {
          key: 'history-missing',
          severity: 'caution',
          label: 'No medical history recorded',
          advice: 'Complete the medical history before the first treatment.',
          source: 'history',
        },
      ]);
    });

    it('raises nothing for a recent all-"no" history', () => {
      expect(alerts(history())).toEqual([]);
    });

    it('flags a history older than reviewAfterDays', () => {
      const old = history([], '2024-03-03T09:00:00.000Z'); // 181 days before 31 Aug 2024
      expect(alerts(old)).toEqual([
        {
          key: 'history-stale',
          severity: 'caution',
          label: 'Medical history is 181 days old',
          advice: 'Review it with the client (clinic policy: every 180 days).',
          source: 'history',
        },
      ]);
    });

    it('does not flag a history exactly reviewAfterDays old', () => {
      expect(alerts(history([], '2024-03-04T23:59:59.999Z'))).toEqual([]);
    });

    it('uses the questionnaire’s own review period', () => {
      const strict = Questionnaire.parse({ ...questionnaire, reviewAfterDays: 7 });
      const result = computeAlerts({
        questionnaire: strict,
        history: history([], '2024-08-20T10:00:00.000Z'),
        fitzpatrick: null,
        allergies: null,
        today: TODAY,
      });
      expect(result.map((a) => [a.key, a.label, a.advice])).toEqual([
        [
          'history-stale',
          'Medical history is 11 days old',
          'Review it with the client (clinic policy: every 7 days).',
        ],
      ]);
    });
  });

  describe('answers', () => {
    it('raises a question’s alert for "yes", with the detail in the advice', () => {
      const result = alerts(
        history([{ questionId: 'active_infection', answer: 'yes', detail: 'cold sore, upper lip' }]),
      );
      expect(result).toEqual([
        {
          key: 'active_infection',
          severity: 'contraindication',
          label: 'Active skin infection',
          advice: 'cold sore, upper lip — Do not needle an infected area; rebook once it has cleared.',
          source: 'history',
        },
      ]);
    });

    it('never raises an alert for "no", even with details', () => {
      expect(alerts(history([{ questionId: 'pregnancy', answer: 'no', detail: 'not pregnant' }]))).toEqual(
        [],
      );
    });

    it('ignores answers to questions it does not know, and questions left unanswered', () => {
      const h = history();
      h.answers = [
        { questionId: 'retired_question', answer: 'yes', detail: null, date: null },
        { questionId: 'pregnancy', answer: 'yes', detail: null, date: null },
      ];
      expect(keys(alerts(h))).toEqual(['pregnancy']);
    });

    it('raises every alerting question answered "yes"', () => {
      const withAlerts = questionsOf(questionnaire).filter((q) => q.alert);
      const h = history(withAlerts.map((q) => ({ questionId: q.id, answer: 'yes' as const })));
      expect(keys(alerts(h)).sort()).toEqual(withAlerts.map((q) => q.id).sort());
    });
  });

  describe('isotretinoin look-back (6 months)', () => {
    const iso = (date: string | null) =>
      alerts(history([{ questionId: 'isotretinoin', answer: 'yes', date }]));

    it('alerts for a last dose within 6 months, with the date in the advice', () => {
      expect(iso('2024-05-01')).toEqual([
        {
          key: 'isotretinoin',
          severity: 'contraindication',
          label: 'Isotretinoin within 6 months',
          advice:
            'Date of the last dose: 2024-05-01 — Clinic policy: wait 6 months after the last dose (some clinics use 12).',
          source: 'history',
        },
      ]);
    });

    it('counts the cut-off day itself as within (31 Aug - 6 months = 29 Feb in 2024)', () => {
      expect(keys(iso('2024-02-29'))).toEqual(['isotretinoin']);
      expect(keys(iso('2024-02-28'))).toEqual([]);
    });

    it('is silent for a last dose more than 6 months ago', () => {
      expect(iso('2023-12-25')).toEqual([]);
      expect(iso('2019-01-01')).toEqual([]);
    });

    it('uses labelWithoutDate when the date is unknown', () => {
      expect(iso(null)).toEqual([
        expect.objectContaining({
          key: 'isotretinoin',
          severity: 'contraindication',
          label: 'Isotretinoin: date of last dose unknown',
          advice: 'Clinic policy: wait 6 months after the last dose (some clinics use 12).',
        }),
      ]);
    });

    it('applies the look-back against the day it is computed for', () => {
      const h = history([{ questionId: 'isotretinoin', answer: 'yes', date: '2024-03-15' }]);
      expect(keys(alerts(h, { today: '2024-09-15' }))).toEqual(['isotretinoin']);
      expect(keys(alerts(h, { today: '2024-09-16' }))).toEqual([]);
    });
  });

  describe('recent procedures look-back (1 month)', () => {
    const proc = (date: string | null, today = TODAY) =>
      alerts(history([{ questionId: 'recent_procedures', answer: 'yes', detail: 'glycolic peel', date }]), {
        today,
      });

    it('alerts within a month and not before', () => {
      expect(proc('2024-07-31').map((a) => [a.label, a.advice])).toEqual([
        [
          'Recent peel, laser, filler or toxin',
          'glycolic peel; Date of the last treatment: 2024-07-31 — Check the interval with the treating clinician before needling the same area.',
        ],
      ]);
      expect(proc('2024-07-30')).toEqual([]);
    });

    it('handles 31 March - 1 month = 29 February', () => {
      expect(keys(proc('2024-02-29', '2024-03-31'))).toEqual(['recent_procedures']);
      expect(keys(proc('2024-02-28', '2024-03-31'))).toEqual([]);
    });

    it('labels an unknown date', () => {
      expect(proc(null)[0]!.label).toBe('Recent peel, laser, filler or toxin (date unknown)');
    });
  });

  describe('"unsure" answers', () => {
    const alerting = questionsOf(questionnaire).filter((q) => q.alert && q.id !== 'herpes_history');

    it.each(alerting.map((q) => [q.id, q.alert!.label]))('%s raises "%s (client unsure)"', (id, label) => {
      const result = alerts(history([{ questionId: id, answer: 'unsure' }]));
      expect(result).toHaveLength(1);
      expect(result[0]).toMatchObject({ key: id, label: `${label} (client unsure)` });
    });

    it('does not apply the look-back to an unsure answer', () => {
      const result = alerts(history([{ questionId: 'isotretinoin', answer: 'unsure', date: null }]));
      expect(result.map((a) => a.label)).toEqual(['Isotretinoin within 6 months (client unsure)']);
    });

    it('does not raise the cold sore alert for "unsure" (onUnsure: false), only for "yes"', () => {
      expect(alerts(history([{ questionId: 'herpes_history', answer: 'unsure' }]))).toEqual([]);
      expect(alerts(history([{ questionId: 'herpes_history', answer: 'yes' }]))).toEqual([
        {
          key: 'herpes_history',
          severity: 'info',
          label: 'Cold sore history: antiviral prophylaxis',
          advice: 'Discuss antiviral prophylaxis before treating the perioral area.',
          source: 'history',
        },
      ]);
    });
  });

  describe('client record', () => {
    it.each([1, 2, 3] as const)('raises nothing for Fitzpatrick %i', (type) => {
      expect(alerts(history(), { fitzpatrick: type })).toEqual([]);
    });

    it.each([
      [4, 'IV'],
      [5, 'V'],
      [6, 'VI'],
    ] as const)('flags PIH risk for Fitzpatrick %i as "Fitzpatrick %s: PIH risk"', (type, roman) => {
      expect(alerts(history(), { fitzpatrick: type })).toEqual([
        {
          key: 'fitzpatrick-4',
          severity: 'caution',
          label: `Fitzpatrick ${roman}: PIH risk`,
          advice: expect.stringContaining('post-inflammatory hyperpigmentation'),
          source: 'client',
        },
      ]);
    });

    it('raises every Fitzpatrick rule the type reaches', () => {
      const q = Questionnaire.parse({
        ...questionnaire,
        fitzpatrickAlerts: [
          { minType: 4, severity: 'caution', label: 'Type {type}: PIH risk' },
          { minType: 6, severity: 'contraindication', label: 'Type {type}: test patch first' },
        ],
      });
      const run = (fitzpatrick: FitzpatrickType) =>
        computeAlerts({ questionnaire: q, history: history(), fitzpatrick, allergies: null, today: TODAY });
      expect(run(5).map((a) => a.label)).toEqual(['Type V: PIH risk']);
      expect(run(6).map((a) => [a.key, a.label, a.advice])).toEqual([
        ['fitzpatrick-6', 'Type VI: test patch first', null],
        ['fitzpatrick-4', 'Type VI: PIH risk', null],
      ]);
    });

    it('flags recorded allergies with the text as advice', () => {
      expect(alerts(history(), { allergies: 'Lidocaine; nickel' })).toEqual([
        {
          key: 'allergies',
          severity: 'caution',
          label: 'Allergies recorded',
          advice: 'Lidocaine; nickel',
          source: 'client',
        },
      ]);
      expect(alerts(history(), { allergies: null })).toEqual([]);
      expect(alerts(history(), { allergies: '' })).toEqual([]);
    });

    it('raises client alerts even without a history', () => {
      expect(keys(alerts(null, { fitzpatrick: 6, allergies: 'latex' }))).toEqual([
        'history-missing',
        'fitzpatrick-4',
        'allergies',
      ]);
    });
  });

  it('orders contraindications, then cautions, then info, keeping questionnaire order within each', () => {
    const h = history(
      [
        { questionId: 'herpes_history', answer: 'yes' },
        { questionId: 'metal_allergy', answer: 'yes' },
        { questionId: 'pregnancy', answer: 'yes' },
        { questionId: 'active_infection', answer: 'unsure' },
        { questionId: 'recent_procedures', answer: 'yes', date: '2024-08-30' },
        { questionId: 'anticoagulants', answer: 'yes' },
      ],
      '2023-01-01T00:00:00.000Z',
    );
    const result = alerts(h, { fitzpatrick: 5, allergies: 'latex' });
    expect(result.map((a) => [a.severity, a.key])).toEqual([
      ['contraindication', 'active_infection'],
      ['contraindication', 'anticoagulants'],
      ['contraindication', 'pregnancy'],
      ['caution', 'history-stale'],
      ['caution', 'recent_procedures'],
      ['caution', 'metal_allergy'],
      ['caution', 'fitzpatrick-4'],
      ['caution', 'allergies'],
      ['info', 'herpes_history'],
    ]);
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2024-08-31', 6, '2024-02-29'],
    ['2023-08-31', 6, '2023-02-28'],
    ['2000-03-31', 1, '2000-02-29'],
    ['1900-03-31', 1, '1900-02-28'],
    ['2100-03-31', 1, '2100-02-28'],
    ['2024-05-31', 1, '2024-04-30'],
    ['2024-07-31', 6, '2024-01-31'],
    ['2024-08-15', 6, '2024-02-15'],
    ['2024-01-15', 1, '2023-12-15'],
    ['2024-01-31', 1, '2023-12-31'],
    ['2024-03-10', 6, '2023-09-10'],
    ['2024-01-31', 13, '2022-12-31'],
    ['2024-02-29', 12, '2023-02-28'],
    ['2024-12-31', 12, '2023-12-31'],
    ['2024-06-30', 24, '2022-06-30'],
    ['2024-06-15', 0, '2024-06-15'],
  ])('%s minus %i months is %s', (today, months, expected) => {
    expect(monthsBefore(today, months)).toBe(expected);
  });

  it('always returns a real calendar date in YYYY-MM-DD', () => {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 28, 29, 30, 31]) {
        const today = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        if (new Date(`${today}T00:00:00Z`).toISOString().slice(0, 10) !== today) continue;
        for (const months of [1, 6, 12]) {
          const result = monthsBefore(today, months);
          expect(result).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${result}T00:00:00Z`).toISOString().slice(0, 10)).toBe(result);
          expect(result < today).toBe(true);
        }
      }
    }
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-08-31T23:59:59.999Z', '2024-08-31', 0],
    ['2024-08-30T00:00:00.000Z', '2024-08-31', 1],
    ['2024-02-28T12:00:00.000Z', '2024-03-01', 2],
    ['2023-02-28T12:00:00.000Z', '2023-03-01', 1],
    ['2023-08-31T08:00:00.000Z', '2024-08-31', 366],
    ['2024-09-01T08:00:00.000Z', '2024-08-31', -1],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
