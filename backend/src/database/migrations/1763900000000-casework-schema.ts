/**
 * The casework schema. Every tenant table carries organisation_id, and every reference between
 * tenant rows is a composite foreign key (organisation_id, id), so a row can never point at another
 * organisation's row — the database enforces tenancy, not just the code — and the schema can be
 * distributed by organisation_id later (docs/scaling.md).
 * Enumerations are written out below as they stood; a test checks the constraints match the shared package.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen as they were when this migration was written (a later change to a list is a new migration;
// database/schema.e2e.spec.ts compares every such constraint with the shared enumerations).
const ACTIVITIES = [
  'initial_interview',
  'advice_session',
  'follow_up_contact',
  'research',
  'letter',
  'negotiation',
  'advocacy',
  'preparation',
  'forms',
  'funder_reporting',
  'billing',
  'travel',
  'other',
];
const APPEAL_STATUSES = ['none_needed', 'lodged', 'considered_not_pursued'];
const ARRIVAL_ROUTES = ['self', 'referred'];
const BENEFIT_TYPES = [
  'eviction_avoided',
  'home_kept',
  'benefit_awarded',
  'benefit_reinstated',
  'debt_written_off',
  'debt_made_manageable',
  'employment_kept',
  'immigration_status_secured',
  'care_package_secured',
  'other',
];
const CATEGORIES = ['housing', 'welfare_benefits', 'debt', 'employment', 'immigration', 'community_care'];
const DISCLOSURES = ['yes', 'partly', 'no'];
const FEEDBACK_SOURCES = ['paper', 'link', 'in_person'];
const FUNDING_STREAMS = ['legal_aid_fixed_fee', 'legal_aid_escape', 'grant', 'pro_bono', 'other'];
const MODES = ['face_to_face', 'phone', 'video', 'home_visit', 'letter_email', 'hearing', 'none'];
const OUTCOME_RESULTS = ['positive', 'partly_positive', 'negative', 'withdrawn', 'lost_contact'];
const PROBLEM_ACTIONS = ['handled_in_house', 'referred_warm', 'signposted', 'client_declined'];
const RECONTACTS = ['none', 'same_problem', 'new_problem'];
const REFERRAL_DIRECTIONS = ['in', 'out'];
const REFERRAL_KINDS = ['warm_handover', 'signpost'];
const ROLES = ['adviser', 'manager', 'commissioner', 'admin'];
const TIME_CLASSES = ['relationship', 'casework', 'administration', 'travel'];
const VULNERABILITIES = [
  'mental_health',
  'disability',
  'language_need',
  'digital_exclusion',
  'domestic_abuse',
  'care_leaver',
];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const oneOf = (column: string, values: readonly string[]) => `CHECK (${column} IN (${list(values)}))`;
const score = (column: string) => `${column} smallint CHECK (${column} BETWEEN 1 AND 5)`;
// uuidv7 (PostgreSQL 18): time-ordered ids keep index inserts local, which matters for bulk imports.
const common = `
  id uuid PRIMARY KEY DEFAULT uuidv7(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;
/** A table other tenant rows point at: (organisation_id, id) is the key they reference. */
const tenant = `${common},
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  UNIQUE (organisation_id, id)`;
/**
 * A record of a case: its organisation is checked through the composite key to the case, so a
 * second foreign key to organisations and a (organisation_id, id) index would only slow writes.
 */
const caseRecord = `${common},
  organisation_id uuid NOT NULL`;
const ref = `ref text NOT NULL CHECK (length(ref) BETWEEN 1 AND 100)`;
const caseRef = (onDelete = 'CASCADE') =>
  `case_id uuid NOT NULL, FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE ${onDelete}`;

export class CaseworkSchema1763900000000 implements MigrationInterface {
  name = 'CaseworkSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ref text NOT NULL UNIQUE CHECK (length(ref) BETWEEN 1 AND 100),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL DEFAULT 'provider' CHECK (kind IN ('provider', 'commissioner')),
        settings jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE offices (${tenant},
        ${ref},
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        UNIQUE (organisation_id, ref)
      )`);
    await q.query(`
      CREATE TABLE users (${tenant},
        ref text CHECK (length(ref) BETWEEN 1 AND 100),
        email text CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL ${oneOf('role', ROLES)},
        office_id uuid,
        password_hash text,
        totp_secret text,
        active boolean NOT NULL DEFAULT true,
        last_sign_in_at timestamptz,
        UNIQUE (organisation_id, ref),
        FOREIGN KEY (organisation_id, office_id) REFERENCES offices(organisation_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`
      CREATE TABLE partners (${tenant},
        ${ref},
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        service text CHECK (length(service) <= 500),
        contact text CHECK (length(contact) <= 500),
        UNIQUE (organisation_id, ref)
      )`);
    await q.query(`
      CREATE TABLE clients (${tenant},
        ${ref},
        first_name text CHECK (length(first_name) <= 100),
        last_name text CHECK (length(last_name) <= 100),
        date_of_birth date CHECK (date_of_birth >= '1900-01-01'),
        postcode_district text CHECK (postcode_district ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?$'),
        email text CHECK (length(email) <= 320),
        phone text CHECK (length(phone) <= 40),
        vulnerabilities text[] NOT NULL DEFAULT '{}' CHECK (vulnerabilities <@ ARRAY[${list(VULNERABILITIES)}]::text[]),
        evidence_consent boolean NOT NULL DEFAULT false,
        erased_at timestamptz,
        UNIQUE (organisation_id, ref)
      )`);
    await q.query(`
      CREATE TABLE cases (${tenant},
        ${ref},
        client_id uuid NOT NULL,
        office_id uuid,
        category text NOT NULL ${oneOf('category', CATEGORIES)},
        subcategory text CHECK (length(subcategory) <= 100),
        opened_on date NOT NULL CHECK (opened_on >= '1990-01-01'),
        closed_on date,
        lead_adviser_id uuid NOT NULL,
        funding_stream text NOT NULL ${oneOf('funding_stream', FUNDING_STREAMS)},
        arrival_route text NOT NULL ${oneOf('arrival_route', ARRIVAL_ROUTES)},
        referrer_partner_id uuid,
        prior_organisations_contacted smallint CHECK (prior_organisations_contacted BETWEEN 0 AND 100),
        times_told_story_before smallint CHECK (times_told_story_before BETWEEN 0 AND 100),
        CHECK (closed_on IS NULL OR closed_on >= opened_on),
        CHECK (arrival_route = 'referred' OR referrer_partner_id IS NULL),
        UNIQUE (organisation_id, ref),
        FOREIGN KEY (organisation_id, client_id) REFERENCES clients(organisation_id, id),
        FOREIGN KEY (organisation_id, office_id) REFERENCES offices(organisation_id, id),
        FOREIGN KEY (organisation_id, lead_adviser_id) REFERENCES users(organisation_id, id),
        FOREIGN KEY (organisation_id, referrer_partner_id) REFERENCES partners(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX cases_client_idx ON cases (organisation_id, client_id)`);
    await q.query(`CREATE INDEX cases_adviser_idx ON cases (organisation_id, lead_adviser_id, closed_on)`);
    await q.query(`
      CREATE TABLE time_entries (${caseRecord},
        ${caseRef()},
        adviser_id uuid NOT NULL,
        "on" date NOT NULL CHECK ("on" >= '1990-01-01'),
        minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        class text NOT NULL ${oneOf('class', TIME_CLASSES)},
        activity text NOT NULL ${oneOf('activity', ACTIVITIES)},
        mode text NOT NULL ${oneOf('mode', MODES)},
        note text CHECK (length(note) <= 2000),
        FOREIGN KEY (organisation_id, adviser_id) REFERENCES users(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX time_entries_case_idx ON time_entries (organisation_id, case_id)`);
    await q.query(`
      CREATE TABLE feedback_items (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        position smallint NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (organisation_id, key)
      )`);
    await q.query(`
      CREATE FUNCTION feedback_scores_valid(items jsonb) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_typeof(items) = 'object' AND NOT EXISTS (
          SELECT 1 FROM jsonb_each(items) e
          WHERE jsonb_typeof(e.value) <> 'number' OR e.value::numeric NOT IN (1, 2, 3, 4, 5))
      $$`);
    await q.query(`
      CREATE TABLE feedback (${caseRecord},
        ${caseRef()},
        "on" date NOT NULL,
        items jsonb NOT NULL CHECK (feedback_scores_valid(items)),
        comment text CHECK (length(comment) <= 5000),
        source text NOT NULL DEFAULT 'paper' ${oneOf('source', FEEDBACK_SOURCES)}
      )`);
    await q.query(`CREATE INDEX feedback_case_idx ON feedback (organisation_id, case_id)`);
    await q.query(`
      CREATE TABLE adviser_assessments (${caseRecord},
        ${caseRef()},
        ${score('trust')},
        disclosure text ${oneOf('disclosure', DISCLOSURES)},
        UNIQUE (organisation_id, case_id)
      )`);
    await q.query(`
      CREATE TABLE underlying_problems (${caseRecord},
        ${caseRef()},
        category text NOT NULL ${oneOf('category', CATEGORIES)},
        description text CHECK (length(description) <= 2000),
        uncovered_on date NOT NULL,
        action text NOT NULL ${oneOf('action', PROBLEM_ACTIONS)},
        partner_id uuid,
        reached_support boolean,
        result text ${oneOf('result', OUTCOME_RESULTS)},
        FOREIGN KEY (organisation_id, partner_id) REFERENCES partners(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX underlying_problems_case_idx ON underlying_problems (organisation_id, case_id)`);
    await q.query(`
      CREATE TABLE referrals (${caseRecord},
        ${caseRef()},
        direction text NOT NULL ${oneOf('direction', REFERRAL_DIRECTIONS)},
        partner_id uuid NOT NULL,
        "on" date NOT NULL,
        kind text NOT NULL ${oneOf('kind', REFERRAL_KINDS)},
        reached_support boolean,
        note text CHECK (length(note) <= 2000),
        FOREIGN KEY (organisation_id, partner_id) REFERENCES partners(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX referrals_case_idx ON referrals (organisation_id, case_id)`);
    await q.query(`
      CREATE TABLE outcomes (${caseRecord},
        ${caseRef()},
        result text NOT NULL ${oneOf('result', OUTCOME_RESULTS)},
        ${score('understood')},
        accepted boolean,
        appeal text ${oneOf('appeal', APPEAL_STATUSES)},
        ${score('confidence_before')},
        ${score('confidence_after')},
        would_seek_advice_earlier boolean,
        could_handle_similar boolean,
        UNIQUE (organisation_id, case_id)
      )`);
    await q.query(`
      CREATE TABLE outcome_benefits (${caseRecord},
        ${caseRef()},
        type text NOT NULL ${oneOf('type', BENEFIT_TYPES)},
        amount_gbp numeric(12, 2) CHECK (amount_gbp >= 0 AND amount_gbp < 10000000)
      )`);
    await q.query(`CREATE INDEX outcome_benefits_case_idx ON outcome_benefits (organisation_id, case_id)`);
    await q.query(`
      CREATE TABLE follow_ups (${caseRecord},
        ${caseRef()},
        "on" date NOT NULL,
        recontact text NOT NULL ${oneOf('recontact', RECONTACTS)},
        outcome_sustained boolean
      )`);
    await q.query(`CREATE INDEX follow_ups_case_idx ON follow_ups (organisation_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'follow_ups',
      'outcome_benefits',
      'outcomes',
      'referrals',
      'underlying_problems',
      'adviser_assessments',
      'feedback',
      'feedback_items',
      'time_entries',
      'cases',
      'clients',
      'partners',
      'users',
      'offices',
      'organisations',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION feedback_scores_valid(jsonb)`);
  }
}
