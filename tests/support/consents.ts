import sharp from 'sharp';
import type { Core } from '../../electron/core/app/core';
import {
  acknowledgementIds,
  type ConsentRecord,
  type ConsentScope,
  type ConsentTemplateFamily,
} from '../../electron/core/contract';
import { call } from './call';

/**
 * Consent fixtures made at test time: signature PNGs drawn by sharp from SVG strokes (and the hostile
 * kinds: blank, a speck, a filled box, a JPEG), a scanned page, and helpers that sign or attach a consent
 * through the real dispatcher. No Vitest import: the Playwright tests use them too.
 */

const STROKES =
  'M20 140 C 60 20, 90 20, 110 120 S 160 190, 190 90 S 260 20, 280 120 L 330 60 L 360 130 ' +
  'C 390 40, 420 40, 450 120 M 470 100 Q 520 30 560 140';

function svg(width: number, height: number, inner: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${inner}</svg>`,
  );
}

/** A signature as signature_pad gives it: dark strokes on a transparent canvas. */
export async function signaturePng(colour = '#1d2a5b', width = 600, height = 200): Promise<Uint8Array> {
  const path = `<path d="${STROKES}" fill="none" stroke="${colour}" stroke-width="5" stroke-linecap="round"/>`;
  return new Uint8Array(
    await sharp(svg(width, height, path))
      .png()
      .toBuffer(),
  );
}

/** Nothing drawn: a fully transparent canvas. */
export async function blankSignaturePng(width = 600, height = 200): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } });
  return new Uint8Array(await image.png().toBuffer());
}

/** A white canvas with a single tap on it. */
export async function speckSignaturePng(): Promise<Uint8Array> {
  const dot = '<rect width="600" height="200" fill="#fff"/><circle cx="300" cy="100" r="2" fill="#000"/>';
  return new Uint8Array(
    await sharp(svg(600, 200, dot))
      .png()
      .toBuffer(),
  );
}

/** A solid black rectangle: all ink, no signature. */
export async function filledSignaturePng(): Promise<Uint8Array> {
  const image = sharp({ create: { width: 600, height: 200, channels: 3, background: '#000000' } });
  return new Uint8Array(await image.png().toBuffer());
}

/** A real signature, but as a JPEG. */
export async function jpegSignature(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(await signaturePng())
      .flatten({ background: '#fff' })
      .jpeg()
      .toBuffer(),
  );
}

/** A scanned page: a white A4-shaped PNG with some lines of "text" and a scrawl at the bottom. */
export async function scannedPagePng(): Promise<Uint8Array> {
  const lines = Array.from(
    { length: 14 },
    (_, i) => `<rect x="60" y="${80 + i * 40}" width="${380 - (i % 3) * 60}" height="10" fill="#555"/>`,
  ).join('');
  const scrawl = `<path d="M60 760 C 120 700, 160 820, 220 740 S 300 720, 340 770" stroke="#123" stroke-width="4" fill="none"/>`;
  return new Uint8Array(
    await sharp(svg(500, 840, `<rect width="500" height="840" fill="#fdfdfb"/>${lines}${scrawl}`))
      .png()
      .toBuffer(),
  );
}

export async function familyByCode(core: Core, code: string): Promise<ConsentTemplateFamily> {
  const found = (await call(core, 'consents.templates', {})).find((f) => f.code === code);
  if (!found) throw new Error(`No consent form with code ${code}`);
  return found;
}

export interface SignOptions {
  practitioner?: string;
  clientName?: string;
  sessionId?: string | null;
  photoScope?: ConsentScope | null;
  witness?: boolean;
}

/** Prepares the current version of a form and signs it on screen with every statement ticked. */
export async function signConsent(
  core: Core,
  clientId: string,
  code: string,
  options: SignOptions = {},
): Promise<ConsentRecord> {
  const family = await familyByCode(core, code);
  const practitioner = options.practitioner ?? 'Dr Jones';
  const form = await call(core, 'consents.prepare', {
    clientId,
    templateId: family.current.id,
    practitioner,
  });
  const client = await call(core, 'clients.get', { id: clientId });
  return call(core, 'consents.sign', {
    clientId,
    templateId: family.current.id,
    sessionId: options.sessionId ?? null,
    renderedSha256: form.renderedSha256,
    acknowledged: acknowledgementIds(form.blocks),
    photoScope: options.photoScope ?? (family.kind === 'photo' ? 'clinical' : null),
    client: {
      name: options.clientName ?? `${client.client.firstName} ${client.client.lastName}`,
      signature: await signaturePng(),
    },
    practitioner: { name: practitioner, signature: await signaturePng('#000000') },
    witness: options.witness ? { name: 'Sam Witness', signature: await signaturePng('#333333') } : null,
  });
}

/** Records a consent through the paper route (no PDF renderer needed), signed on the core's today. */
export async function attachPaperConsent(
  core: Core,
  clientId: string,
  code: string,
  options: { signedOn?: string; photoScope?: ConsentScope | null; sessionId?: string | null } = {},
): Promise<ConsentRecord> {
  const family = await familyByCode(core, code);
  const client = await call(core, 'clients.get', { id: clientId });
  return call(core, 'consents.attachPaper', {
    clientId,
    templateId: family.current.id,
    sessionId: options.sessionId ?? null,
    signedOn: options.signedOn ?? core.context.today(),
    clientName: `${client.client.firstName} ${client.client.lastName}`,
    practitioner: 'Dr Jones',
    photoScope: options.photoScope ?? (family.kind === 'photo' ? 'clinical' : null),
    fileName: 'scan.png',
    bytes: await scannedPagePng(),
  });
}

/** The treatment consent forms of the default catalogue. */
export const TREATMENT_CONSENT_CODES = [
  'microneedling-face',
  'microneedling-prp',
  'microneedling-scalp',
  'microneedling-body',
  'dermaplaning',
] as const;

/** A valid consent on paper for every default treatment, so charting raises no consent flag. */
export async function giveTreatmentConsents(core: Core, clientId: string): Promise<void> {
  for (const code of TREATMENT_CONSENT_CODES) await attachPaperConsent(core, clientId, code);
}
