import './consents.css';
import { type ConsentTemplateFamily, ConsentTemplateInput } from '@contract';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/api';
import { PageHeader } from '../../shared/PageHeader';
import { ShortcutHint } from '../../shared/ShortcutHint';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { useUnsavedChangesGuard } from '../../shared/useUnsavedChangesGuard';
import { AddBlockBar } from './AddBlockBar';
import { BlockEditor } from './BlockEditor';
import { KIND_LABELS } from './consentFormat';
import {
  type EditorValues,
  EMPTY_TEMPLATE,
  fromVersion,
  slugify,
  toTemplateInput,
} from './templateEditorModel';

const validate = zod4Resolver(ConsentTemplateInput);

/**
 * Edit a consent form: title, expiry and the blocks of its text. Saving never changes a version: it adds
 * the next one, and forms already signed keep the text they were signed on. `familyId` absent: a new form.
 */
export function TemplateEditorPage() {
  const { familyId } = useParams();
  const [family, setFamily] = useState<ConsentTemplateFamily | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!familyId) return;
    api.consents
      .templates({})
      .then((families) => {
        const found = families.find((f) => f.id === familyId);
        if (!found) throw new Error('This consent form does not exist.');
        setFamily(found);
      })
      .catch((e: Error) => setError(e.message));
  }, [familyId]);

  if (error) {
    return (
      <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="This form could not be opened">
        {error}
      </Alert>
    );
  }
  if (familyId && !family) return <Loader m="xl" aria-label="Loading the form" />;
  return <TemplateEditor key={family?.id ?? 'new'} family={family} />;
}

function TemplateEditor({ family }: { family: ConsentTemplateFamily | null }) {
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);
  const saved = useRef(false);
  const codeTouched = useRef(false);
  const nextVersion = family ? family.versions.reduce((n, v) => Math.max(n, v.version), 0) + 1 : 1;

  const form = useForm<EditorValues>({
    mode: 'controlled',
    initialValues: family ? fromVersion(family.current) : EMPTY_TEMPLATE(),
    validate: (values) => {
      const errors = validate(toTemplateInput(values) as unknown as Record<string, unknown>);
      if (values.expires && values.expiryMonths === '') errors.expiryMonths = 'Enter the number of months';
      return errors;
    },
  });
  const guard = useUnsavedChangesGuard(() => form.isDirty() && !saved.current);
  const back = () => navigate('/consent-forms');

  const submit = form.onSubmit(
    async (values) => {
      setSaving(true);
      try {
        const result = await api.consents.saveTemplate({
          familyId: family?.id ?? null,
          fields: toTemplateInput(values),
        });
        saved.current = true;
        notifications.show({
          color: 'teal',
          title: `Version ${result.current.version} saved`,
          message: family
            ? `${result.title}: earlier versions stay as they were and remain viewable.`
            : `${result.title} is created.`,
        });
        back();
      } catch (e) {
        form.setErrors(
          Object.fromEntries(
            Object.entries(fieldErrors(e)).map(([path, message]) => [path.replace(/^fields\./, ''), message]),
          ),
        );
        showApiError(e, 'The form was not saved');
      } finally {
        setSaving(false);
      }
    },
    (errors) => {
      // Bring the first problem into view.
      const first = Object.keys(errors)[0];
      const index = first?.match(/^blocks\.(\d+)/)?.[1];
      const target = index
        ? document.querySelector(`[data-block="${index}"]`)
        : document.querySelector('[aria-invalid="true"]');
      target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
  );
  useHotkeys([['mod+S', () => submit()]], []);

  const blocksError = form.errors.blocks as string | undefined;

  return (
    <form
      onSubmit={submit}
      noValidate
      style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
      aria-label="Edit consent form"
    >
      {guard}
      <PageHeader
        title={
          family ? <span style={{ whiteSpace: 'normal' }}>Edit {family.title}</span> : 'New consent form'
        }
        subtitle={
          family
            ? `Saving creates version ${nextVersion}. Version ${family.current.version} and earlier stay unchanged; forms already signed keep their text.`
            : 'Saving creates version 1 of a new form.'
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={back}>
              Consent forms
            </Button>
            <Button
              type="submit"
              loading={saving}
              leftSection={<IconDeviceFloppy size={16} />}
              rightSection={<ShortcutHint keys="S" />}
            >
              {family ? `Save as version ${nextVersion}` : 'Create form'}
            </Button>
          </>
        }
      />
      <div style={{ flex: 1, overflow: 'auto', scrollbarGutter: 'stable' }}>
        <Stack p="xl" gap="lg" maw={980}>
          <Paper withBorder p="lg" component="section" aria-labelledby="template-details-title">
            <Title order={3} size="h4" id="template-details-title" mb="md">
              Details
            </Title>
            <Stack gap="md">
              <TitleField
                form={form}
                isNew={!family}
                onTitle={(title) => {
                  if (!family && !codeTouched.current) form.setFieldValue('code', slugify(title));
                }}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {family ? (
                  <ReadOnly label="Code" value={family.code} />
                ) : (
                  <TextInput
                    label="Code"
                    description="Fixed once created; treatments refer to the form by it"
                    withAsterisk
                    {...form.getInputProps('code')}
                    onChange={(e) => {
                      codeTouched.current = true;
                      form.setFieldValue('code', e.currentTarget.value);
                    }}
                  />
                )}
                {family ? (
                  <ReadOnly label="Kind" value={KIND_LABELS[family.kind]} />
                ) : (
                  <div>
                    <Text size="sm" fw={500} id="template-kind-label" mb={4}>
                      Kind
                    </Text>
                    <SegmentedControl
                      aria-labelledby="template-kind-label"
                      data={[
                        { value: 'treatment', label: KIND_LABELS.treatment },
                        { value: 'photo', label: KIND_LABELS.photo },
                      ]}
                      {...form.getInputProps('kind')}
                    />
                  </div>
                )}
              </SimpleGrid>
              <Group align="flex-end" gap="lg">
                <NumberInput
                  label="Valid for"
                  description="After this a new signature is needed"
                  min={1}
                  max={120}
                  allowDecimal={false}
                  allowNegative={false}
                  disabled={!form.values.expires}
                  w={220}
                  rightSection={
                    <Text size="xs" c="dimmed" aria-hidden>
                      months
                    </Text>
                  }
                  rightSectionWidth={60}
                  {...form.getInputProps('expiryMonths')}
                />
                <Checkbox
                  mb={8}
                  label="Does not expire (valid until revoked)"
                  checked={!form.values.expires}
                  onChange={(e) => form.setFieldValue('expires', !e.currentTarget.checked)}
                />
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="lg" component="section" aria-labelledby="template-blocks-title">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h4" id="template-blocks-title">
                Text of the form
              </Title>
              <Text size="xs" c="dimmed">
                {form.values.blocks.length} block{form.values.blocks.length === 1 ? '' : 's'}
              </Text>
            </Group>
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} mb="md">
              Plain text only. Use the <strong>{'{ }'}</strong> button in a field to insert a placeholder such
              as the client’s name; it is filled in when the form is prepared for a client. Each
              acknowledgement is a box the client must tick before signing.
            </Alert>
            {blocksError && (
              <Text size="sm" c="var(--mantine-color-error)" role="alert" mb="sm">
                {blocksError}
              </Text>
            )}
            <Stack gap="sm">
              {form.values.blocks.map((block, index) => (
                <BlockEditor key={block.key} form={form} index={index} />
              ))}
            </Stack>
            <AddBlockBar form={form} />
          </Paper>
        </Stack>
      </div>
    </form>
  );
}

function TitleField(props: {
  form: UseFormReturnType<EditorValues>;
  isNew: boolean;
  onTitle: (title: string) => void;
}) {
  const input = props.form.getInputProps('title');
  return (
    <TextInput
      label="Title"
      withAsterisk
      data-autofocus
      {...input}
      onChange={(e) => {
        input.onChange(e);
        props.onTitle(e.currentTarget.value);
      }}
    />
  );
}

function ReadOnly({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {value}
      </Text>
    </div>
  );
}
