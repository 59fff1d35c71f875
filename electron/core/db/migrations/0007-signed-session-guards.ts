import type { Migration } from '../migrate';

/**
 * A signed chart is protected by the database as a whole, not only its session row: its zones, products
 * and screening decisions cannot be changed or removed, and a signed session cannot be deleted.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'signed-session-guards',
  up(db) {
    const guard = (table: string, event: 'UPDATE' | 'DELETE') => `
      CREATE TRIGGER ${table}_signed_${event.toLowerCase()} BEFORE ${event} ON ${table}
        WHEN (SELECT status FROM sessions WHERE id = old.session_id) = 'signed'
      BEGIN
        SELECT RAISE(ABORT, 'A signed session cannot be changed; add an amendment');
      END;`;
    db.exec(`
      ${['session_zones', 'session_products', 'session_screening'].flatMap((t) => [guard(t, 'UPDATE'), guard(t, 'DELETE')]).join('\n')}
      CREATE TRIGGER sessions_signed_no_delete BEFORE DELETE ON sessions
        WHEN old.status = 'signed'
      BEGIN
        SELECT RAISE(ABORT, 'A signed session cannot be deleted');
      END;
    `);
  },
};
