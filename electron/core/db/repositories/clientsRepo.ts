import type { Database } from 'better-sqlite3';
import type {
  Client,
  ClientFields,
  ClientSort,
  ClientStatus,
  ClientSummary,
  FitzpatrickType,
  Sex,
  SkinConcern,
} from '../../contract';
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

export interface ClientSearch {
  match: string | null;
  status: ClientStatus;
  sort: ClientSort;
  offset: number;
  limit: number;
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

  const searchCache = new Map<
    string,
    { items: ReturnType<Database['prepare']>; count: ReturnType<Database['prepare']> }
  >();
  function searchStatements(hasMatch: boolean, status: ClientStatus, sort: ClientSort) {
    const key = `${hasMatch}|${status}|${sort}`;
    let statements = searchCache.get(key);
    if (!statements) {
      const from = hasMatch
        ? `clients_fts JOIN clients c ON c.seq = clients_fts.rowid WHERE clients_fts MATCH @match AND`
        : 'clients c WHERE';
      const where = `${from} c.deleted_at IS NULL AND ${STATUS_FILTER[status]}`;
      statements = {
        items: db.prepare(
          `SELECT ${SUMMARY_COLUMNS} FROM ${where} ORDER BY ${ORDER_BY[sort]} LIMIT @limit OFFSET @offset`,
        ),
        count: db.prepare(`SELECT count(*) AS total FROM ${where}`).pluck(),
      };
      searchCache.set(key, statements);
    }
    return statements;
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

    search(q: ClientSearch): { total: number; items: ClientSummary[] } {
      const statements = searchStatements(q.match !== null, q.status, q.sort);
      const params = q.match === null ? {} : { match: q.match };
      const total = statements.count.get(params) as number;
      const rows = statements.items.all({ ...params, limit: q.limit, offset: q.offset }) as SummaryRow[];
      return { total, items: rows.map(toSummary) };
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
