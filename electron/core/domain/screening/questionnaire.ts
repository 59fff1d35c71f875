import questionnaireJson from '../../../../resources/questionnaire/medical-history.json';
import { type QuestionDefinition, Questionnaire } from '../../contract';

/**
 * The default medical-history questionnaire shipped in resources/. It is validated on load, so a clinic's
 * edit that breaks the format is reported plainly instead of surfacing as odd screening results.
 */
export function loadDefaultQuestionnaire(): Questionnaire {
  const parsed = Questionnaire.safeParse(questionnaireJson);
  if (!parsed.success) {
    throw new Error(`resources/questionnaire/medical-history.json is invalid: ${parsed.error.message}`);
  }
  const ids = new Set<string>();
  for (const q of questionsOf(parsed.data)) {
    if (ids.has(q.id)) throw new Error(`Questionnaire question id "${q.id}" is used twice`);
    ids.add(q.id);
  }
  return parsed.data;
}

export function questionsOf(questionnaire: Questionnaire): QuestionDefinition[] {
  return questionnaire.sections.flatMap((s) => s.questions);
}
