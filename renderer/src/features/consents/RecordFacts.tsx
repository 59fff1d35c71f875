import { type ConsentRecord, consentSignatureUrl, SCOPE_LABELS, type SignerRole } from '@contract';
import { Anchor, Code, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../clients/format';

const ROLE_LABELS: Record<SignerRole, string> = {
  client: 'Client',
  practitioner: 'Practitioner',
  witness: 'Witness',
};

/** The signatures as they were drawn, served by record id and role. */
export function SignatureImages({ record }: { record: ConsentRecord }) {
  if (record.signatures.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Signed on paper: the signatures are on the attached scan.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={1} spacing="md">
      {record.signatures.map((s) => (
        <figure key={s.role} style={{ margin: 0 }} data-signature={s.role}>
          <img
            className="signature-image"
            src={consentSignatureUrl(record.id, s.role)}
            alt={`${ROLE_LABELS[s.role]} signature of ${s.name}`}
          />
          <Text component="figcaption" size="sm" mt={4}>
            <strong>{ROLE_LABELS[s.role]}:</strong> {s.name}
          </Text>
        </figure>
      ))}
    </SimpleGrid>
  );
}

/** Everything recorded with the signature: names, both times, the workstation and the hashes. */
export function RecordFacts({ record }: { record: ConsentRecord }) {
  return (
    <dl className="facts-grid">
      <Fact label="Client">{record.clientName}</Fact>
      <Fact label="Practitioner">{record.practitioner}</Fact>
      <Fact label="Form">
        {record.title}, version {record.templateVersion}
      </Fact>
      <Fact label="Method">
        {record.method === 'paper' ? 'Signed on paper, scan attached' : 'Signed on screen'}
      </Fact>
      {record.photoScope && <Fact label="Photo use allowed">{SCOPE_LABELS[record.photoScope]}</Fact>}
      <Fact label="Signed (UTC)">
        <Code>{record.signedAt}</Code>
      </Fact>
      <Fact label="Signed (local)">
        <Code>{record.signedAtLocal}</Code>
      </Fact>
      <Fact label="Valid until">{record.validUntil ? formatDate(record.validUntil) : 'Until revoked'}</Fact>
      <Fact label="Workstation">
        {record.workstation.hostname}
        <Text size="xs" c="dimmed">
          Device {record.workstation.deviceId}
        </Text>
      </Fact>
      {record.sessionId && (
        <Fact label="Session">
          <Anchor component={Link} to={`/clients/${record.clientId}/sessions/${record.sessionId}`} size="sm">
            Signed while charting a session
          </Anchor>
        </Fact>
      )}
      <Fact label="Seal (SHA-256)">
        <Code style={{ wordBreak: 'break-all' }} data-testid="consent-seal">
          {record.seal}
        </Code>
      </Fact>
      <Fact label="Document SHA-256">
        <Code style={{ wordBreak: 'break-all' }}>{record.documentSha256}</Code>
        <Text size="xs" c="dimmed">
          {record.documentMime}
        </Text>
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm">
        {children}
      </Text>
    </>
  );
}

export function Panel(props: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={props.title}>
      <Stack gap="md">
        <Title order={3} size="h4">
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Paper>
  );
}
