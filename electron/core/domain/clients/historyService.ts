import {
  type ApiIssue,
  type ApiParsedInput,
  DomainError,
  type HistoryVersion,
  type HistoryView,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import { questionsOf } from '../screening/questionnaire';
import { notFound, type ServiceContext } from './clientService';

export function createHistoryService(ctx: ServiceContext) {
  const questions = new Map(questionsOf(ctx.questionnaire).map((q) => [q.id, q]));

  return {
    get(input: ApiParsedInput<'history.get'>): HistoryView {
      if (!ctx.clients.get(input.clientId)) notFound();
      const version = input.versionId
        ? (ctx.history.get(input.clientId, input.versionId) ??
          (() => {
            throw new DomainError(
              'NOT_FOUND',
              'That medical history version does not exist for this client.',
            );
          })())
        : ctx.history.latest(input.clientId);
      return { questionnaire: ctx.questionnaire, version, versions: ctx.history.versions(input.clientId) };
    },

    /** Every save is a new dated version; earlier versions are never changed. */
    save(input: ApiParsedInput<'history.save'>): HistoryVersion {
      if (!ctx.clients.get(input.clientId)) notFound();
      const issues: ApiIssue[] = [];
      const seen = new Set<string>();
      input.answers.forEach((a, i) => {
        const question = questions.get(a.questionId);
        if (!question)
          issues.push({ path: `answers.${i}.questionId`, message: `Unknown question "${a.questionId}"` });
        if (seen.has(a.questionId))
          issues.push({ path: `answers.${i}.questionId`, message: 'Question answered twice' });
        seen.add(a.questionId);
        if (a.date && (!question?.asksDate || a.answer !== 'yes')) {
          issues.push({
            path: `answers.${i}.date`,
            message: 'A date is only recorded for a "yes" answer that asks for one',
          });
        }
      });
      for (const id of questions.keys()) {
        if (!seen.has(id)) issues.push({ path: `answers.${id}`, message: 'Please answer this question' });
      }
      if (issues.length) {
        throw new DomainError(
          'VALIDATION',
          `${issues.length} answer(s) need attention before saving.`,
          issues,
        );
      }
      const id = newId();
      ctx.db.transaction(() =>
        ctx.history.insert({
          id,
          clientId: input.clientId,
          questionnaireId: ctx.questionnaire.id,
          questionnaireVersion: ctx.questionnaire.version,
          recordedAt: nowIso(),
          notes: input.notes,
          answers: input.answers.map((a) => ({ ...a, detail: a.detail, date: a.date })),
          deviceId: ctx.deviceId,
          practitionerId: ctx.practitionerId(),
          newId,
        }),
      )();
      return ctx.history.get(input.clientId, id)!;
    },
  };
}
