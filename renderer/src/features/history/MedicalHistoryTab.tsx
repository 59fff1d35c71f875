import {
  type Answer,
  ApiError,
  type HistoryAnswer,
  type HistoryView,
  type QuestionDefinition,
} from '@contract';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconClipboardHeart, IconDeviceFloppy, IconEdit } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/api';
import { EmptyState } from '../../shared/EmptyState';
import { ShortcutHint } from '../../shared/ShortcutHint';
import { showApiError } from '../../shared/showApiError';
import { useUnsavedChangesGuard } from '../../shared/useUnsavedChangesGuard';
import { parseTypedDate } from '../clients/dates';
import { formatDate, formatDateTime } from '../clients/format';

type Draft = Record<string, { answer: Answer | null; detail: string; date: string | null }>;

const ANSWER_LABELS: Record<Answer, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };

function draftFrom(view: HistoryView): Draft {
  const previous = new Map(view.version?.answers.map((a) => [a.questionId, a]));
  const draft: Draft = {};
  for (const q of view.questionnaire.sections.flatMap((s) => s.questions)) {
    const a = previous.get(q.id);
    draft[q.id] = { answer: a?.answer ?? null, detail: a?.detail ?? '', date: a?.date ?? null };
  }
  return draft;
}

/**
 * The medical-history questionnaire: read the latest (or any earlier) dated version, or record a new one.
 * A new version starts from the previous answers so the practitioner reviews each with the client.
 */
export function MedicalHistoryTab({ clientId, onSaved }: { clientId: string; onSaved: () => void }) {
  const [view, setView] = useState<HistoryView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notes, setNotes] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const pristine = useRef<string>('');

  const load = useCallback(
    (versionId?: string) =>
      api.history
        .get({ clientId, versionId })
        .then(setView)
        .catch((e: Error) => setError(e.message)),
    [clientId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const isDirty = useCallback(
    () => draft !== null && JSON.stringify([draft, notes]) !== pristine.current,
    [draft, notes],
  );
  const guard = useUnsavedChangesGuard(isDirty);

  if (error) {
    return (
      <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="The medical history could not be loaded">
        {error}
      </Alert>
    );
  }
  if (!view) return <Loader m="xl" aria-label="Loading medical history" />;

  const startEditing = () => {
    const next = draftFrom(view);
    const nextNotes = view.version?.notes ?? '';
    setDraft(next);
    setNotes(nextNotes);
    setIssues({});
    pristine.current = JSON.stringify([next, nextNotes]);
  };

  const save = async () => {
    if (!draft) return;
    const missing = Object.entries(draft)
      .filter(([, a]) => a.answer === null)
      .map(([id]) => id);
    if (missing.length) {
      setIssues(Object.fromEntries(missing.map((id) => [id, 'Please answer this question'])));
      notifications.show({
        color: 'orange',
        title: 'Not saved yet',
        message: `${missing.length} question(s) still need an answer.`,
      });
      document.getElementById(`question-${missing[0]}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    setSaving(true);
    try {
      await api.history.save({
        clientId,
        notes,
        answers: Object.entries(draft).map(([questionId, a]) => ({
          questionId,
          answer: a.answer!,
          detail: a.answer === 'yes' || a.answer === 'unsure' ? a.detail : null,
          date: a.answer === 'yes' ? a.date : null,
        })),
      });
      setDraft(null);
      notifications.show({
        color: 'teal',
        title: 'Medical history saved',
        message: 'A new dated version was recorded.',
      });
      await load();
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setIssues(questionIssues(e));
      showApiError(e, 'The medical history was not saved');
    } finally {
      setSaving(false);
    }
  };

  if (draft) {
    return (
      <Stack
        p="xl"
        gap="lg"
        maw={980}
        onKeyDown={getHotkeyHandler([['mod+S', () => void save()]])}
        component="form"
        aria-label="Update medical history"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Group justify="space-between">
          <div>
            <Title order={3}>{view.questionnaire.title}</Title>
            <Text size="sm" c="dimmed">
              Go through every question with the client. Saving records a new dated version; earlier versions
              are kept.
            </Text>
          </div>
          <Group>
            <Button variant="default" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={saving}
              leftSection={<IconDeviceFloppy size={16} />}
              rightSection={<ShortcutHint keys="S" />}
            >
              Save new version
            </Button>
          </Group>
        </Group>
        {view.questionnaire.sections.map((section) => (
          <Paper withBorder p="lg" key={section.title} component="fieldset" style={{ margin: 0 }}>
            <Title order={4} mb="sm" component="legend" style={{ float: 'left', width: '100%' }}>
              {section.title}
            </Title>
            <Stack gap="md" style={{ clear: 'both' }}>
              {section.questions.map((q) => (
                <QuestionEditor
                  key={q.id}
                  question={q}
                  value={draft[q.id]!}
                  error={issues[q.id]}
                  onChange={(value) => {
                    setDraft({ ...draft, [q.id]: value });
                    if (issues[q.id]) setIssues({ ...issues, [q.id]: '' });
                  }}
                />
              ))}
            </Stack>
          </Paper>
        ))}
        <Textarea
          label="Notes on this history"
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        {guard}
      </Stack>
    );
  }

  if (!view.version) {
    return (
      <EmptyState
        icon={<IconClipboardHeart size={28} />}
        title="No medical history yet"
        action={
          <Button leftSection={<IconEdit size={16} />} onClick={startEditing}>
            Record medical history
          </Button>
        }
      >
        Ask the screening questions before the first treatment. The answers raise the client's alerts.
      </EmptyState>
    );
  }

  const version = view.version;
  const answers = new Map(version.answers.map((a) => [a.questionId, a]));
  const isLatest = view.versions[0]?.id === version.id;
  return (
    <Stack p="xl" gap="lg" maw={980}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="sm">
            <Title order={3}>Recorded {formatDateTime(version.recordedAt)}</Title>
            {isLatest ? <Badge variant="light">Current</Badge> : <Badge color="gray">Earlier version</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {view.questionnaire.title}, version {version.questionnaireVersion}
          </Text>
        </div>
        <Group align="flex-end">
          <Select
            label="Version"
            w={240}
            allowDeselect={false}
            value={version.id}
            onChange={(id) => id && void load(id)}
            data={view.versions.map((v, i) => ({
              value: v.id,
              label: `${formatDateTime(v.recordedAt)}${i === 0 ? ' (current)' : ''}`,
            }))}
          />
          <Button leftSection={<IconEdit size={16} />} onClick={startEditing}>
            Update history
          </Button>
        </Group>
      </Group>
      {view.questionnaire.sections.map((section) => (
        <Paper withBorder p="lg" key={section.title} component="section" aria-label={section.title}>
          <Title order={4} mb="sm">
            {section.title}
          </Title>
          <Stack gap={8}>
            {section.questions.map((q) => (
              <AnswerRow key={q.id} question={q} answer={answers.get(q.id)} />
            ))}
          </Stack>
        </Paper>
      ))}
      {version.notes && (
        <Paper withBorder p="lg">
          <Title order={4} mb="sm">
            Notes
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {version.notes}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

function AnswerRow({
  question,
  answer,
}: {
  question: QuestionDefinition;
  answer: HistoryAnswer | undefined;
}) {
  const color = answer?.answer === 'yes' ? 'red' : answer?.answer === 'unsure' ? 'orange' : 'gray';
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="lg">
      <div>
        <Text size="sm">{question.text}</Text>
        {(answer?.detail || answer?.date) && (
          <Text size="xs" c="dimmed">
            {[answer.detail, answer.date && `${question.asksDate ?? 'Date'}: ${formatDate(answer.date)}`]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
      </div>
      <Badge color={color} variant={answer?.answer === 'no' ? 'outline' : 'light'} style={{ flexShrink: 0 }}>
        {answer ? ANSWER_LABELS[answer.answer] : 'Not asked'}
      </Badge>
    </Group>
  );
}

function QuestionEditor(props: {
  question: QuestionDefinition;
  value: Draft[string];
  error: string | undefined;
  onChange: (value: Draft[string]) => void;
}) {
  const { question: q, value, onChange } = props;
  const labelId = `question-${q.id}`;
  return (
    <div id={labelId} data-question={q.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="lg">
        <Text size="sm" id={`${labelId}-text`}>
          {q.text}
        </Text>
        <SegmentedControl
          aria-labelledby={`${labelId}-text`}
          style={{ flexShrink: 0 }}
          value={value.answer ?? ''}
          onChange={(answer) => onChange({ ...value, answer: answer as Answer })}
          data={(['no', 'yes', 'unsure'] as const).map((a) => ({ value: a, label: ANSWER_LABELS[a] }))}
          color={value.answer === 'yes' ? 'red' : value.answer === 'unsure' ? 'orange' : undefined}
        />
      </Group>
      {props.error && (
        <Text size="xs" c="red" role="alert">
          {props.error}
        </Text>
      )}
      {(value.answer === 'yes' || value.answer === 'unsure') && (q.asksDetail || q.asksDate) && (
        <Group mt={6} grow align="flex-start">
          {q.asksDetail && (
            <TextInput
              size="xs"
              label={q.asksDetail}
              value={value.detail}
              onChange={(e) => onChange({ ...value, detail: e.currentTarget.value })}
            />
          )}
          {q.asksDate && value.answer === 'yes' && (
            <DateInput
              size="xs"
              label={q.asksDate}
              placeholder="DD/MM/YYYY"
              valueFormat="DD/MM/YYYY"
              dateParser={parseTypedDate}
              maxDate={new Date()}
              clearable
              value={value.date}
              onChange={(date) => onChange({ ...value, date: date ? String(date).slice(0, 10) : null })}
            />
          )}
        </Group>
      )}
    </div>
  );
}

/** Server issues arrive as "answers.<index>.field" or "answers.<questionId>"; key them by question. */
function questionIssues(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const [, key] = issue.path.split('.');
    if (key) out[key] = issue.message;
  }
  return out;
}
