import type { Database } from 'better-sqlite3';

export type DerivedVariant = 'thumb' | 'preview';

/** Content-addressed bytes in the media database. Writing the same content twice stores it once. */
export function createBlobsRepo(media: Database) {
  const put = media.prepare(
    'INSERT OR IGNORE INTO blobs (sha256, mime, size, bytes, created_at) VALUES (@sha256, @mime, @size, @bytes, @at)',
  );
  const putDerived = media.prepare(`
    INSERT OR REPLACE INTO derived (source_sha256, variant, mime, bytes, created_at)
    VALUES (@source, @variant, @mime, @bytes, @at)`);
  const get = media.prepare<[string], { mime: string; bytes: Buffer }>(
    'SELECT mime, bytes FROM blobs WHERE sha256 = ?',
  );
  const has = media.prepare<[string], { n: number }>('SELECT 1 AS n FROM blobs WHERE sha256 = ?');
  const getDerived = media.prepare<[string, string], { mime: string; bytes: Buffer }>(
    'SELECT mime, bytes FROM derived WHERE source_sha256 = ? AND variant = ?',
  );
  const allHashes = media.prepare<[], { sha256: string }>('SELECT sha256 FROM blobs');
  const deleteBlob = media.prepare('DELETE FROM blobs WHERE sha256 = ?');
  const deleteDerivedOf = media.prepare('DELETE FROM derived WHERE source_sha256 = ?');
  const orphanDerived = media.prepare(
    'DELETE FROM derived WHERE source_sha256 NOT IN (SELECT sha256 FROM blobs)',
  );

  return {
    /** The original and its derived images in one media transaction: all of them or none. */
    storeImage(
      original: { sha256: string; mime: string; bytes: Buffer },
      derived: { variant: DerivedVariant; mime: string; bytes: Buffer }[],
      at: string,
    ) {
      media.transaction(() => {
        put.run({
          sha256: original.sha256,
          mime: original.mime,
          size: original.bytes.length,
          bytes: original.bytes,
          at,
        });
        for (const d of derived) {
          putDerived.run({ source: original.sha256, variant: d.variant, mime: d.mime, bytes: d.bytes, at });
        }
      })();
    },
    /** Several blobs in one media transaction (a signed form's PDF, HTML and signature images). */
    storeAll(blobs: readonly { sha256: string; mime: string; bytes: Buffer }[], at: string) {
      media.transaction(() => {
        for (const b of blobs) {
          put.run({ sha256: b.sha256, mime: b.mime, size: b.bytes.length, bytes: b.bytes, at });
        }
      })();
    },
    putDerived(source: string, variant: DerivedVariant, mime: string, bytes: Buffer, at: string) {
      putDerived.run({ source, variant, mime, bytes, at });
    },
    has: (sha256: string) => has.get(sha256) !== undefined,
    get: (sha256: string) => get.get(sha256) ?? null,
    getDerived: (sha256: string, variant: DerivedVariant) => getDerived.get(sha256, variant) ?? null,

    /** Removes blobs nothing refers to (left by an import that crashed before its rows were written). */
    sweep(referenced: ReadonlySet<string>): number {
      return media.transaction(() => {
        let removed = 0;
        for (const { sha256 } of allHashes.all()) {
          if (referenced.has(sha256)) continue;
          deleteDerivedOf.run(sha256);
          removed += deleteBlob.run(sha256).changes;
        }
        orphanDerived.run();
        return removed;
      })();
    },
  };
}
