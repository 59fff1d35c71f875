import type { Database, Statement } from 'better-sqlite3';
import type {
  Client,
  ClientFields,
  ClientSearchResult,
  ClientSort,
  ClientStatus,
  ClientSummary,
  FitzpatrickType,
  Sex,
  SkinConcern,
} from '../../contract';
import type { ClientQuery } from '../../domain/clients/searchQuery';
import { newId } from '../ids';

interface ClientRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  date_of_birth: string | null;
  sex: Sex | null;
  pronouns: string | null;
  phone: string | null;
  email: string | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postcode: string | null;
  country: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
  emergency_relationship: string | null;
  fitzpatrick: FitzpatrickType | null;
  allergies: string | null;
  medications: string | null;
  notes: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

type SummaryRow = Pick<
  ClientRow,
  | 'id'
  | 'first_name'
  | 'last_name'
  | 'preferred_name'
  | 'date_of_birth'
  | 'phone'
  | 'email'
  | 'fitzpatrick'
  | 'archived_at'
  | 'updated_at'
>;

const SUMMARY_COLUMNS = `c.id, c.first_name, c.last_name, c.preferred_name, c.date_of_birth, c.phone, c.email,
  c.fitzpatrick, c.archived_at, c.updated_at`;

const ORDER_BY: Record<ClientSort, string> = {
  'name-asc': 'c.last_name COLLATE NOCASE ASC, c.first_name COLLATE NOCASE ASC, c.seq ASC',
  'name-desc': 'c.last_name COLLATE NOCASE DESC, c.first_name COLLATE NOCASE DESC, c.seq DESC',
  'updated-desc': 'c.updated_at DESC, c.seq DESC',
  'created-desc': 'c.created_at DESC, c.seq DESC',
};

const STATUS_FILTER: Record<ClientStatus, string> = {
  active: 'c.archived_at IS NULL',
  archived: 'c.archived_at IS NOT NULL',
  all: '1 = 1',
};

/** The index that already holds rows in each order (partial indexes: the WHERE clauses below imply theirs). */
function sortIndex(sort: ClientSort, status: ClientStatus): string {
  if (sort === 'updated-desc') return 'clients_by_updated';
  if (sort === 'created-desc') return 'clients_by_created';
  return status === 'active' ? 'clients_active_by_name' : 'clients_by_name';
}

const PHONE_STARTS = 'c.phone_digits >= @digits AND c.phone_digits < @digits_end';
const PHONE_ENDS = 'c.phone_digits_reversed >= @reversed AND c.phone_digits_reversed < @reversed_end';

/**
 * Rows of `clients c` a query matches, as a set of seq. A phone search is a range on the digits, forwards or
 * reversed, so each side uses its own index; text goes through the full-text index.
 */
const MATCH_SET = {
  text: 'SELECT rowid FROM clients_fts WHERE clients_fts MATCH @match',
  phone: `SELECT seq FROM clients c WHERE c.deleted_at IS NULL AND ${PHONE_STARTS}
          UNION SELECT seq FROM clients c WHERE c.deleted_at IS NULL AND ${PHONE_ENDS}`,
} as const;

/** The same match as a per-row condition, for walking a sort index when there are many matches. */
const MATCH_ROW = {
  text: `c.seq IN (${MATCH_SET.text})`,
  phone: `((${PHONE_STARTS}) OR (${PHONE_ENDS}))`,
} as const;

/** Counting with a LIMIT stops at the cap; each count is driven by its own index (FTS or a phone range). */
const CAPPED_COUNT = {
  text: `SELECT count(*) FROM (
           SELECT 1 FROM clients_fts JOIN clients c ON c.seq = clients_fts.rowid
           WHERE clients_fts MATCH @match AND %LIVE% LIMIT %CAP%)`,
  // Each direction counted on its own index; above the cap on either side the union is too. Below it, the
  // exact count is taken from the union (a number can match both ways).
  phone: `SELECT max(
            (SELECT count(*) FROM (SELECT 1 FROM clients c WHERE ${PHONE_STARTS} AND %LIVE% LIMIT %CAP%)),
            (SELECT count(*) FROM (SELECT 1 FROM clients c WHERE ${PHONE_ENDS} AND %LIVE% LIMIT %CAP%)))`,
} as const;

const EXACT_COUNT = 'SELECT count(*) FROM clients c WHERE c.seq IN (%SET%) AND %LIVE%';

/**
 * Searches count at most this many matches: a query matching more is still being typed, and counting
 * tens of thousands of matches exactly is what made one-letter searches slow.
 */
export const SEARCH_COUNT_CAP = 1000;

export interface ClientSearch {
  query: Exclude<ClientQuery, { kind: 'nothing' }>;
  status: ClientStatus;
  sort: ClientSort;
  offset: number;
  limit: number;
  withTotal: boolean;
}

export interface ClientWrite {
  id: string;
  fields: ClientFields;
  at: string;
  deviceId: string;
  practitionerId: string | null;
}

/** Digits of a phone number, forwards and backwards, so search finds both its start and its last digits. */
export function phoneSearchKeys(phone: string | null): { digits: string | null; reversed: string | null } {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits ? { digits, reversed: [...digits].reverse().join('') } : { digits: null, reversed: null };
}

export function createClientsRepo(db: Database) {
  const insert = db.prepare(`
    INSERT INTO clients (
      id, first_name, last_name, preferred_name, date_of_birth, sex, pronouns, phone, phone_digits,
      phone_digits_reversed, email, address_line1, address_line2, city, region, postcode, country,
      emergency_name, emergency_phone, emergency_relationship, fitzpatrick, allergies, medications, notes,
      created_at, updated_at, created_by, updated_by, device_id
    ) VALUES (
      @id, @first_name, @last_name, @preferred_name, @date_of_birth, @sex, @pronouns, @phone, @phone_digits,
      @phone_digits_reversed, @email, @address_line1, @address_line2, @city, @region, @postcode, @country,
      @emergency_name, @emergency_phone, @emergency_relationship, @fitzpatrick, @allergies, @medications, @notes,
      @at, @at, @practitioner, @practitioner, @device_id
    )`);

  const update = db.prepare(`
    UPDATE clients SET
      first_name = @first_name, last_name = @last_name, preferred_name = @preferred_name,
      date_of_birth = @date_of_birth, sex = @sex, pronouns = @pronouns, phone = @phone,
      phone_digits = @phone_digits, phone_digits_reversed = @phone_digits_reversed, email = @email,
      address_line1 = @address_line1, address_line2 = @address_line2, city = @city, region = @region,
      postcode = @postcode, country = @country, emergency_name = @emergency_name,
      emergency_phone = @emergency_phone, emergency_relationship = @emergency_relationship,
      fitzpatrick = @fitzpatrick, allergies = @allergies, medications = @medications, notes = @notes,
      updated_at = @at, updated_by = @practitioner, device_id = @device_id
    WHERE id = @id AND deleted_at IS NULL`);

  const setArchived = db.prepare(`
    UPDATE clients SET archived_at = @archived_at, updated_at = @at, updated_by = @practitioner, device_id = @device_id
    WHERE id = @id AND deleted_at IS NULL`);

  const byId = db.prepare<[string], ClientRow>('SELECT * FROM clients WHERE id = ? AND deleted_at IS NULL');

  const concernsOf = db.prepare<[string], { concern: SkinConcern }>(`
    SELECT concern FROM client_skin_concerns WHERE client_id = ? AND deleted_at IS NULL ORDER BY concern`);

  const upsertConcern = db.prepare(`
    INSERT INTO client_skin_concerns (id, client_id, concern, created_at, updated_at, device_id)
    VALUES (@id, @client_id, @concern, @at, @at, @device_id)
    ON CONFLICT (client_id, concern) DO UPDATE SET deleted_at = NULL, updated_at = @at, device_id = @device_id
      WHERE deleted_at IS NOT NULL`);

  const tombstoneConcern = db.prepare(`
    UPDATE client_skin_concerns SET deleted_at = @at, updated_at = @at, device_id = @device_id
    WHERE client_id = @client_id AND concern = @concern AND deleted_at IS NULL`);

  function writeParams(w: ClientWrite) {
    const f = w.fields;
    const phone = phoneSearchKeys(f.phone);
    return {
      id: w.id,
      first_name: f.firstName,
      last_name: f.lastName,
      preferred_name: f.preferredName,
      date_of_birth: f.dateOfBirth,
      sex: f.sex,
      pronouns: f.pronouns,
      phone: f.phone,
      phone_digits: phone.digits,
      phone_digits_reversed: phone.reversed,
      email: f.email,
      address_line1: f.address.line1,
      address_line2: f.address.line2,
      city: f.address.city,
      region: f.address.region,
      postcode: f.address.postcode,
      country: f.address.country,
      emergency_name: f.emergencyContact.name,
      emergency_phone: f.emergencyContact.phone,
      emergency_relationship: f.emergencyContact.relationship,
      fitzpatrick: f.fitzpatrick,
      allergies: f.allergies,
      medications: f.medications,
      notes: f.notes,
      at: w.at,
      practitioner: w.practitionerId,
      device_id: w.deviceId,
    };
  }

  function setConcerns(w: ClientWrite) {
    const current = new Set(concernsOf.all(w.id).map((r) => r.concern));
    const wanted = new Set(w.fields.skinConcerns);
    for (const concern of wanted) {
      if (!current.has(concern)) {
        upsertConcern.run({ id: newId(), client_id: w.id, concern, at: w.at, device_id: w.deviceId });
      }
    }
    for (const concern of current) {
      if (!wanted.has(concern))
        tombstoneConcern.run({ client_id: w.id, concern, at: w.at, device_id: w.deviceId });
    }
  }

  const statements = new Map<string, Statement>();
  /** Statements are built from fixed fragments only (never from input) and prepared once. */
  function statement(key: string, sql: () => string): Statement {
    let prepared = statements.get(key);
    if (!prepared) {
      prepared = db.prepare(sql());
      statements.set(key, prepared);
    }
    return prepared;
  }

  function searchAll(q: ClientSearch) {
    const where = `c.deleted_at IS NULL AND ${STATUS_FILTER[q.status]}`;
    const count = statement(`all-count|${q.status}`, () => {
      const index = q.status === 'active' ? 'INDEXED BY clients_active_by_name' : '';
      return `SELECT count(*) FROM clients c ${index} WHERE ${where}`;
    });
    const items = statement(
      `all-items|${q.status}|${q.sort}`,
      () =>
        `SELECT ${SUMMARY_COLUMNS} FROM clients c WHERE ${where} ORDER BY ${ORDER_BY[q.sort]} LIMIT @limit OFFSET @offset`,
    );
    const total = q.withTotal ? (count.pluck().get() as number) : null;
    const rows = items.all({ limit: q.limit, offset: q.offset }) as SummaryRow[];
    return { total, capped: false, items: rows.map(toSummary) };
  }

  function searchMatches(q: ClientSearch & { query: { kind: 'text' | 'phone' } }) {
    const kind = q.query.kind;
    const params =
      q.query.kind === 'text'
        ? { match: q.query.match }
        : {
            digits: q.query.digits,
            digits_end: `${q.query.digits}:`,
            reversed: q.query.reversed,
            reversed_end: `${q.query.reversed}:`,
          };
    const live = `c.deleted_at IS NULL AND ${STATUS_FILTER[q.status]}`;
    const count = statement(`match-count|${kind}|${q.status}`, () =>
      CAPPED_COUNT[kind].replaceAll('%LIVE%', live).replaceAll('%CAP%', String(SEARCH_COUNT_CAP + 1)),
    );
    let matched = count.pluck().get(params) as number;
    if (kind === 'phone' && matched <= SEARCH_COUNT_CAP) {
      const exact = statement(`match-exact|${kind}|${q.status}`, () =>
        EXACT_COUNT.replace('%SET%', MATCH_SET[kind]).replaceAll('%LIVE%', live),
      );
      matched = exact.pluck().get(params) as number;
    }
    const capped = matched > SEARCH_COUNT_CAP;
    // A few hundred matches are fetched and sorted; many are read in order from the sort's index instead.
    const items = statement(`match-items|${kind}|${q.status}|${q.sort}|${capped}`, () => {
      const from = capped ? `clients c INDEXED BY ${sortIndex(q.sort, q.status)}` : 'clients c';
      const match = capped ? MATCH_ROW[kind] : `c.seq IN (${MATCH_SET[kind]})`;
      return `SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${match} AND ${live}
              ORDER BY ${ORDER_BY[q.sort]} LIMIT @limit OFFSET @offset`;
    });
    const rows = items.all({ ...params, limit: q.limit, offset: q.offset }) as SummaryRow[];
    return { total: Math.min(matched, SEARCH_COUNT_CAP), capped, items: rows.map(toSummary) };
  }

  return {
    insert(w: ClientWrite): void {
      insert.run(writeParams(w));
      setConcerns(w);
    },

    /** Returns false when no live client has that id. */
    update(w: ClientWrite): boolean {
      const changed = update.run(writeParams(w)).changes === 1;
      if (changed) setConcerns(w);
      return changed;
    },

    setArchived(
      id: string,
      archivedAt: string | null,
      at: string,
      deviceId: string,
      practitionerId: string | null,
    ) {
      return (
        setArchived.run({
          id,
          archived_at: archivedAt,
          at,
          device_id: deviceId,
          practitioner: practitionerId,
        }).changes === 1
      );
    },

    get(id: string): Client | null {
      const row = byId.get(id);
      return row
        ? toClient(
            row,
            concernsOf.all(id).map((r) => r.concern),
          )
        : null;
    },

    search(q: ClientSearch): ClientSearchResult {
      if (q.query.kind === 'all') return searchAll(q);
      return searchMatches(q as ClientSearch & { query: { kind: 'text' | 'phone' } });
    },
  };
}

function toSummary(r: SummaryRow): ClientSummary {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    preferredName: r.preferred_name,
    dateOfBirth: r.date_of_birth,
    phone: r.phone,
    email: r.email,
    fitzpatrick: r.fitzpatrick,
    archivedAt: r.archived_at,
    updatedAt: r.updated_at,
  };
}

function toClient(r: ClientRow, skinConcerns: SkinConcern[]): Client {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    preferredName: r.preferred_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    pronouns: r.pronouns,
    phone: r.phone,
    email: r.email,
    address: {
      line1: r.address_line1,
      line2: r.address_line2,
      city: r.city,
      region: r.region,
      postcode: r.postcode,
      country: r.country,
    },
    emergencyContact: {
      name: r.emergency_name,
      phone: r.emergency_phone,
      relationship: r.emergency_relationship,
    },
    fitzpatrick: r.fitzpatrick,
    skinConcerns,
    allergies: r.allergies,
    medications: r.medications,
    notes: r.notes,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
