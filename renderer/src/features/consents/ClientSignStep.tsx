import { acknowledgementIds, type ConsentForm, type ConsentScope } from '@contract';
import { Alert, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconInfoCircle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { PointGroup } from 'signature_pad';
import { ConsentBlocksView } from './ConsentBlocksView';
import { PhotoScopeChoice } from './PhotoScopeChoice';
import { SignaturePadField, type SignaturePadHandle } from './SignaturePadField';

export interface ClientAnswers {
  ticked: Set<string>;
  photoScope: ConsentScope | null;
  signature: Uint8Array | null;
  strokes: PointGroup[] | null;
}

/**
 * The client's step: the form in large type, a box to tick for each acknowledgement, the photo scope on a
 * photo form, and the signature at the end. Continue says exactly what is still missing.
 */
export function ClientSignStep(props: {
  form: ConsentForm;
  clientName: string;
  initial: ClientAnswers;
  /** Sent back from sealing: what to put right before signing again. */
  problem?: string | null;
  onContinue: (answers: ClientAnswers) => void;
}) {
  const { form } = props;
  const required = acknowledgementIds(form.blocks);
  const photo = form.template.kind === 'photo';
  const [ticked, setTicked] = useState(props.initial.ticked);
  const [scope, setScope] = useState(props.initial.photoScope);
  const [attempted, setAttempted] = useState(false);
  const [signatureMissing, setSignatureMissing] = useState(false);
  const pad = useRef<SignaturePadHandle>(null);

  const missingAcks = new Set(attempted ? required.filter((id) => !ticked.has(id)) : []);
  const scopeMissing = attempted && photo && !scope;

  const submit = () => {
    setAttempted(true);
    const png = pad.current?.toPng() ?? null;
    setSignatureMissing(!png);
    const unticked = required.filter((id) => !ticked.has(id));
    if (unticked.length || (photo && !scope) || !png) {
      // Take the client to the first thing still to do.
      const target = unticked.length
        ? document.querySelector(`[data-ack="${unticked[0]}"] input`)
        : photo && !scope
          ? document.querySelector('[data-testid="photo-scope"] button')
          : document.querySelector('[data-testid="signature-pad"]');
      (target as HTMLElement | null)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (target instanceof HTMLInputElement || target instanceof HTMLButtonElement) target.focus();
      return;
    }
    props.onContinue({ ticked, photoScope: scope, signature: png, strokes: pad.current?.strokes() ?? null });
  };

  const problems = [
    missingAcks.size > 0 && `${missingAcks.size} box${missingAcks.size === 1 ? '' : 'es'} still to tick`,
    scopeMissing && 'choose how your photos may be used',
    attempted && signatureMissing && 'sign in the box',
  ].filter(Boolean);

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} size="h2" tabIndex={-1} data-step-heading>
          {form.template.title}
        </Title>
        <Text size="lg" c="dimmed" mt={6}>
          For {props.clientName} · version {form.template.version}
        </Text>
      </div>
      <Alert
        variant="light"
        color="blue"
        icon={<IconInfoCircle size={20} />}
        styles={{ message: { fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        Please read the whole form. Tick each box to confirm you agree, then sign at the end. Ask your
        practitioner about anything that is unclear.
      </Alert>
      <ConsentBlocksView
        blocks={form.blocks}
        size="reading"
        ticked={ticked}
        missing={missingAcks}
        onTick={(id, checked) => {
          const next = new Set(ticked);
          if (checked) next.add(id);
          else next.delete(id);
          setTicked(next);
        }}
      />
      {photo && (
        <PhotoScopeChoice
          value={scope}
          onChange={setScope}
          error={scopeMissing ? 'Please choose one' : null}
          size="lg"
        />
      )}
      <Divider />
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          {props.problem && (
            <Alert
              color="red"
              variant="light"
              title="Please sign again"
              styles={{ message: { fontSize: 'var(--mantine-font-size-md)' } }}
            >
              {props.problem}
            </Alert>
          )}
          <Text size="lg">
            By signing, I, <strong>{props.clientName}</strong>, confirm that I have read and understood this
            form and agree to what it says.
          </Text>
          <SignaturePadField
            ref={pad}
            label="Client signature"
            signer={props.clientName}
            height={240}
            initialStrokes={props.initial.strokes}
            error={attempted && signatureMissing ? 'Please sign in the box' : null}
            onChange={(empty) => attempted && setSignatureMissing(empty)}
          />
        </Stack>
      </Paper>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text c="var(--mantine-color-error)" size="lg" role="status" aria-live="polite">
          {problems.length ? `Before continuing: ${problems.join(', ')}.` : ''}
        </Text>
        <Button
          size="lg"
          rightSection={<IconArrowRight size={20} />}
          onClick={submit}
          style={{ flexShrink: 0 }}
        >
          I agree and sign
        </Button>
      </Group>
    </Stack>
  );
}
