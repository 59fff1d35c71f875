import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MEDIA_FILE, mediaMigrations } from '../../../electron/core/db/media';
import { openDatabase } from '../../../electron/core/db/open';
import { call, useCores } from '../../support/core';
import { useTempDirs } from '../../support/temp';

const pragma = (db: { pragma: (s: string, o: { simple: true }) => unknown }, name: string) =>
  db.pragma(name, { simple: true });

describe('media database storage', () => {
  const newCore = useCores();
  const tempDir = useTempDirs();

  async function importOne(core: ReturnType<typeof newCore>) {
    const client = await call(core, 'clients.create', { firstName: 'Ana', lastName: 'Silva' });
    const bytes = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#a0522d' } })
      .jpeg()
      .toBuffer();
    const { photo } = await call(core, 'photos.import', {
      clientId: client.id,
      bytes: new Uint8Array(bytes),
    });
    const stored = core.media
      .prepare('SELECT bytes FROM blobs WHERE sha256 = ?')
      .pluck()
      .get(photo.originalSha256) as Buffer;
    expect(stored.equals(bytes)).toBe(true);
  }

  it('makes a new media database with 64 KiB pages, checkpointed every 4 MB of WAL', async () => {
    const core = newCore();
    expect(pragma(core.media, 'page_size')).toBe(65536);
    expect(pragma(core.media, 'journal_mode')).toBe('wal');
    expect(pragma(core.media, 'wal_autocheckpoint')).toBe(64);
    // The records database keeps SQLite's default.
    expect(pragma(core.db, 'page_size')).toBe(4096);
    await importOne(core);
  });

  it('leaves an existing media database with 4 KiB pages as it is, and imports into it', async () => {
    const dataDir = tempDir();
    // A media database as earlier versions made it.
    openDatabase(join(dataDir, MEDIA_FILE), { migrations: mediaMigrations }).close();
    const core = newCore({ dataDir });
    expect(pragma(core.media, 'page_size')).toBe(4096);
    expect(pragma(core.media, 'wal_autocheckpoint')).toBe(1024);
    await importOne(core);
  });
});
