import type { AnswerInput, ClientInput, Questionnaire } from '../../electron/core/contract';
import { questionsOf } from '../../electron/core/domain/screening/questionnaire';

/** A client filled in on every field, with the untidy input a practitioner might type. */
export const FULL_CLIENT: ClientInput = {
  firstName: '  Joanna ',
  lastName: ' Smith  ',
  preferredName: ' Jo ',
  dateOfBirth: '1988-04-12',
  sex: 'female',
  pronouns: ' she/her ',
  phone: ' +44 7700 900123 ',
  email: '  Joanna.Smith@Example.COM ',
  address: {
    line1: ' 12 High Street ',
    line2: '   ',
    city: 'Bristol',
    region: '',
    postcode: ' BS1 4DJ ',
    country: 'United Kingdom',
  },
  emergencyContact: { name: ' Mark Smith ', phone: '07700 900456', relationship: ' Partner ' },
  fitzpatrick: 3,
  skinConcerns: ['acne-scars', 'pigmentation', 'texture'],
  allergies: ' Lidocaine ',
  medications: '',
  notes: ' Prefers morning appointments. ',
};

/** Every question of the questionnaire answered "no". */
export function allNo(questionnaire: Questionnaire): AnswerInput[] {
  return questionsOf(questionnaire).map((q) => ({ questionId: q.id, answer: 'no' as const }));
}

/** allNo, with some answers replaced. */
export function answersWith(questionnaire: Questionnaire, overrides: Record<string, Partial<AnswerInput>>) {
  return allNo(questionnaire).map((a) => ({ ...a, ...overrides[a.questionId] }));
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
