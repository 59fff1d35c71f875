import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import type { ConsentRecord } from '../../../electron/core/contract';
import { createBlobsRepo } from '../../../electron/core/db/repositories/blobsRepo';
import { attachPaperConsent, signConsent } from '../../support/consents';
import { call, useCores } from '../../support/core';
import { sqliteCode } from '../../support/sqlite';
import { usePdfRenderer } from '../../support/usePdfRenderer';

const blobCount = (core: Core) => core.media.prepare('SELECT count(*) FROM blobs').pluck().get() as number;

/** What a person with the database file and a SQLite shell could do: drop a guard and edit a row. */
function tamperRow(core: Core, table: string, set: string, where: string, ...params: string[]) {
  core.db.exec(`DROP TRIGGER ${table}_no_update`);
  expect(core.db.prepare(`UPDATE ${table} SET ${set} WHERE ${where}`).run(...params).changes).toBe(1);
}

function rewriteBlob(core: Core, sha256: string, bytes: Buffer) {
  core.media.prepare('UPDATE blobs SET bytes = ? WHERE sha256 = ?').run(bytes, sha256);
}

describe('signed consents cannot change without it showing', () => {
  const newCore = useCores();
  const pdf = usePdfRenderer();

  async function signed(): Promise<{ core: Core; record: ConsentRecord }> {
    const core = newCore({ pdf: pdf() });
    const client = await call(core, 'clients.create', { firstName: 'Ann', lastName: 'Lee' });
    const record = await signConsent(core, client.id, 'microneedling-face', { witness: true });
    return { core, record };
  }

  it('verifies an untouched record as intact, saying what was checked', async () => {
    const { core, record } = await signed();
    const verification = await call(core, 'consents.verify', { id: record.id });
    expect(verification).toEqual({
      id: record.id,
      intact: true,
      checks: [
        {
          name: 'seal',
          ok: true,
          detail:
            'The text, ticked statements, names, times and workstation match the seal recorded at signing.',
        },
        { name: 'document', ok: true, detail: 'The signed PDF and its printable copy match their SHA-256.' },
        { name: 'signatures', ok: true, detail: 'All 3 signature images match the recorded SHA-256.' },
      ],
      checkedAt: expect.any(String),
    });
  });

  it('is refused by the database: records, signatures and revocations cannot be edited or deleted', async () => {
    const { core, record } = await signed();
    await call(core, 'consents.revoke', { id: record.id, reason: 'Client asked', by: 'Dr Jones' });
    for (const sql of [
      `UPDATE consent_records SET rendered_json = '[]' WHERE id = ?`,
      `UPDATE consent_records SET valid_until = '2099-12-31' WHERE id = ?`,
      'DELETE FROM consent_records WHERE id = ?',
      `UPDATE consent_signatures SET name = 'Someone else' WHERE record_id = ?`,
      'DELETE FROM consent_signatures WHERE record_id = ?',
      `UPDATE consent_revocations SET reason = 'x' WHERE record_id = ?`,
      'DELETE FROM consent_revocations WHERE record_id = ?',
    ]) {
      expect(
        sqliteCode(() => core.db.prepare(sql).run(record.id)),
        sql,
      ).toBe('SQLITE_CONSTRAINT_TRIGGER');
    }
    expect((await call(core, 'consents.verify', { id: record.id })).intact).toBe(true);
  });

  it.each([
    [
      'the rendered text',
      'consent_records',
      `rendered_json = replace(rendered_json, 'redness', 'no redness')`,
    ],
    ['the expiry', 'consent_records', `valid_until = '2099-12-31'`],
    ['the ticked statements', 'consent_records', `acknowledged_json = '[]'`],
    ['the time of signing', 'consent_records', `signed_at = '2020-01-01T00:00:00.000Z'`],
    ['the practitioner', 'consent_records', `practitioner = 'Dr Nobody'`],
  ])('shows %s changed behind the app’s back as not intact (seal)', async (_label, table, set) => {
    const { core, record } = await signed();
    tamperRow(core, table, set, 'id = ?', record.id);
    const verification = await call(core, 'consents.verify', { id: record.id });
    expect(verification.intact).toBe(false);
    expect(verification.checks.map((c) => [c.name, c.ok])).toEqual([
      ['seal', false],
      ['document', true],
      ['signatures', true],
    ]);
    expect(verification.checks[0]!.detail).toBe(
      'The record has been changed since it was signed: its contents no longer match the seal recorded at signing.',
    );
  });

  it('shows a signer’s name changed in the signature rows (seal)', async () => {
    const { core, record } = await signed();
    tamperRow(
      core,
      'consent_signatures',
      `name = 'Someone Else'`,
      `record_id = ? AND role = 'client'`,
      record.id,
    );
    const verification = await call(core, 'consents.verify', { id: record.id });
    expect(verification.checks.find((c) => c.name === 'seal')?.ok).toBe(false);
  });

  it('shows a rewritten PDF, a rewritten printable copy and a missing signature image', async () => {
    const { core, record } = await signed();
    const html = core.db.prepare('SELECT html_sha256 FROM consent_records').pluck().get() as string;

    rewriteBlob(core, record.documentSha256, Buffer.from('%PDF-1.7 forged'));
    let verification = await call(core, 'consents.verify', { id: record.id });
    expect(verification.intact).toBe(false);
    expect(verification.checks[1]).toEqual({
      name: 'document',
      ok: false,
      detail: 'The signed PDF has been altered: its SHA-256 no longer matches the one recorded.',
    });
    expect(verification.checks[0]!.ok).toBe(true);
    // The document call gives what is stored, so the tampering is visible there too.
    expect(Buffer.from((await call(core, 'consents.document', { id: record.id })).bytes).toString()).toBe(
      '%PDF-1.7 forged',
    );

    core.media.prepare('DELETE FROM blobs WHERE sha256 = ?').run(record.documentSha256);
    verification = await call(core, 'consents.verify', { id: record.id });
    expect(verification.checks[1]!.detail).toBe('The signed PDF is missing from the media database.');

    const fresh = await signed();
    const freshHtml = fresh.core.db
      .prepare('SELECT html_sha256 FROM consent_records')
      .pluck()
      .get() as string;
    rewriteBlob(fresh.core, freshHtml, Buffer.from('<p>forged</p>'));
    expect((await call(fresh.core, 'consents.verify', { id: fresh.record.id })).checks[1]).toEqual({
      name: 'document',
      ok: false,
      detail: 'The signed PDF is intact, but the printable copy it was made from is altered.',
    });
    expect(html).toMatch(/^[0-9a-f]{64}$/);

    const client = fresh.record.signatures.find((s) => s.role === 'client')!;
    fresh.core.media.prepare('DELETE FROM blobs WHERE sha256 = ?').run(client.sha256);
    const witness = fresh.record.signatures.find((s) => s.role === 'witness')!;
    rewriteBlob(fresh.core, witness.sha256, Buffer.from('not the witness'));
    expect((await call(fresh.core, 'consents.verify', { id: fresh.record.id })).checks[2]).toEqual({
      name: 'signatures',
      ok: false,
      detail: 'The client’s signature image is missing; the witness’s signature image is altered.',
    });
  });

  it('seals a paper record over its scan: a swapped or rewritten scan shows', async () => {
    const core = newCore();
    const client = await call(core, 'clients.create', { firstName: 'Ann', lastName: 'Lee' });
    const record = await attachPaperConsent(core, client.id, 'microneedling-face');
    expect(await call(core, 'consents.verify', { id: record.id })).toMatchObject({
      intact: true,
      checks: [
        { name: 'seal', ok: true },
        { name: 'document', ok: true, detail: 'The attached scan matches its recorded SHA-256.' },
        { name: 'signatures', ok: true, detail: 'Signed on paper: the signatures are in the attached scan.' },
      ],
    });

    // Another scan stored and the row pointed at it: the hashes agree, but the seal does not.
    const other = 'b'.repeat(64);
    createBlobsRepo(core.media).storeAll([{ sha256: other, mime: 'image/png', bytes: Buffer.from('x') }], '');
    tamperRow(core, 'consent_records', `document_sha256 = '${other}'`, 'id = ?', record.id);
    const swapped = await call(core, 'consents.verify', { id: record.id });
    expect(swapped.checks.map((c) => [c.name, c.ok])).toEqual([
      ['seal', false],
      ['document', false],
      ['signatures', true],
    ]);
  });

  it('keeps every consent blob through the start-up sweep, and still sweeps what nothing refers to', async () => {
    const { core, record } = await signed();
    const paper = await attachPaperConsent(core, record.clientId, 'photography', { photoScope: 'marketing' });
    const blobs = blobCount(core);
    expect(blobs).toBe(6); // three signatures, the HTML, the PDF, the scan
    createBlobsRepo(core.media).storeAll(
      [{ sha256: 'c'.repeat(64), mime: 'application/pdf', bytes: Buffer.from('%PDF- orphan') }],
      new Date().toISOString(),
    );
    const dir = core.dataDir;
    core.close();

    const reopened = newCore({ dataDir: dir, pdf: pdf() });
    expect(blobCount(reopened)).toBe(blobs);
    for (const id of [record.id, paper.id]) {
      expect((await call(reopened, 'consents.verify', { id })).intact, id).toBe(true);
    }
    expect(await call(reopened, 'consents.print', { id: record.id })).toEqual({ printed: true });
  });
});
