import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mediaMigrations } from '../../../../electron/core/db/media';
import { mediaMigration0001 } from '../../../../electron/core/db/media/0001-blobs';
import { migrate } from '../../../../electron/core/db/migrate';
import { createBlobsRepo } from '../../../../electron/core/db/repositories/blobsRepo';
import { type Db, objectNames, openRaw, sqliteCode } from '../../../support/sqlite';
import { useTempDirs } from '../../../support/temp';

const AT = '2026-01-01T10:00:00.000Z';
const sha = (c: string) => c.repeat(64);

describe('media migration 0001: blobs', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir(), 'media.db');
    migrate(db, mediaMigrations);
  });
  afterEach(() => db.close());

  it('is media migration 1 and creates the blob tables', () => {
    expect(mediaMigration0001.version).toBe(1);
    expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(['blobs', 'derived']));
  });

  it('stores content once per hash and keeps the bytes exactly', () => {
    const blobs = createBlobsRepo(db);
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    blobs.storeImage({ sha256: sha('a'), mime: 'image/jpeg', bytes }, [], AT);
    blobs.storeImage({ sha256: sha('a'), mime: 'image/jpeg', bytes: Buffer.from([9]) }, [], AT);
    expect(db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(1);
    expect(Buffer.compare(blobs.get(sha('a'))!.bytes, bytes)).toBe(0);
  });

  it('refuses a malformed hash and an unknown derived variant', () => {
    expect(
      sqliteCode(() => db.prepare("INSERT INTO blobs VALUES ('abc', 'image/jpeg', 1, x'00', ?)").run(AT)),
    ).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(
      sqliteCode(() =>
        db.prepare("INSERT INTO derived VALUES (?, 'huge', 'image/jpeg', x'00', ?)").run(sha('a'), AT),
      ),
    ).toBe('SQLITE_CONSTRAINT_CHECK');
  });

  it('sweeps blobs and derived images that nothing refers to', () => {
    const blobs = createBlobsRepo(db);
    for (const c of ['a', 'b']) {
      blobs.storeImage(
        { sha256: sha(c), mime: 'image/jpeg', bytes: Buffer.from(c) },
        [{ variant: 'thumb', mime: 'image/jpeg', bytes: Buffer.from('t') }],
        AT,
      );
    }
    expect(blobs.sweep(new Set([sha('a')]))).toBe(1);
    expect(blobs.has(sha('a'))).toBe(true);
    expect(blobs.has(sha('b'))).toBe(false);
    expect(blobs.getDerived(sha('b'), 'thumb')).toBeNull();
    expect(blobs.getDerived(sha('a'), 'thumb')).not.toBeNull();
  });
});
