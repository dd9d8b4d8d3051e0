/**
 * Test data: one organisation's complete casework — office, partner, adviser, client with
 * personal details, a closed case with a record of every kind — written in SQL, so access, audit
 * and privacy tests do not depend on the casework API. Names and refs carry a unique marker that a
 * test can look for in any response.
 */
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface CaseworkFixture {
  marker: string;
  organisationId: string;
  officeId: string;
  partnerId: string;
  adviserId: string;
  adviserEmail: string;
  clientId: string;
  clientRef: string;
  clientFirstName: string;
  clientLastName: string;
  caseId: string;
  caseRef: string;
  timeEntryId: string;
  feedbackId: string;
  assessmentId: string;
  problemId: string;
  referralId: string;
  outcomeId: string;
  benefitId: string;
  followUpId: string;
  noteId: string;
  partyId: string;
  conflictCheckId: string;
  keyDateId: string;
  documentId: string;
  letterTemplateId: string;
  fileReviewId: string;
  legalAidId: string;
  /** Every record id above (not the organisation's). */
  recordIds: string[];
}

export interface FixtureOptions {
  /** Free text written into notes, comments and names (e.g. an XSS string). */
  freeText?: string;
  openedOn?: string;
  closedOn?: string | null;
  adviserId?: string;
}

export async function makeCasework(
  dataSource: DataSource,
  organisationId: string,
  options: FixtureOptions = {},
): Promise<CaseworkFixture> {
  const marker = `zq${randomBytes(5).toString('hex')}`;
  const text = options.freeText ?? `note about ${marker}`;
  const one = async (sql: string, params: unknown[]): Promise<string> => {
    const [row]: Array<{ id: string }> = await dataSource.query(sql, params);
    return row.id;
  };
  const officeId = await one(`INSERT INTO offices (organisation_id, ref, name) VALUES ($1, $2, $3) RETURNING id`, [
    organisationId,
    `office-${marker}`,
    `Office ${marker}`,
  ]);
  const partnerId = await one(
    `INSERT INTO partners (organisation_id, ref, name, service, contact) VALUES ($1, $2, $3, 'debt advice', $4) RETURNING id`,
    [organisationId, `partner-${marker}`, `Partner ${marker}`, `contact-${marker}@partner.example`],
  );
  const adviserEmail = `adviser-${marker}@fixture.example`;
  const adviserId =
    options.adviserId ??
    (await one(`INSERT INTO users (organisation_id, email, name, role) VALUES ($1, $2, $3, 'adviser') RETURNING id`, [
      organisationId,
      adviserEmail,
      `Adviser ${marker}`,
    ]));
  const clientFirstName = `Firstname${marker}`;
  const clientLastName = `Lastname${marker}`;
  const clientRef = `CL-${marker}`;
  const clientId = await one(
    `INSERT INTO clients (organisation_id, ref, first_name, last_name, date_of_birth, postcode_district, email, phone,
       vulnerabilities, evidence_consent, equality_gender, equality_ethnicity, equality_disability)
     VALUES ($1, $2, $3, $4, '1980-05-17', 'SW9', $5, '07700 900123', '{mental_health,disability}', true, 'F', '99', 'MHC')
     RETURNING id`,
    [organisationId, clientRef, clientFirstName, clientLastName, `client-${marker}@example.com`],
  );
  const caseRef = `CASE-${marker}`;
  const openedOn = options.openedOn ?? '2024-01-10';
  const closedOn = options.closedOn === undefined ? '2024-06-30' : options.closedOn;
  const caseId = await one(
    `INSERT INTO cases (organisation_id, ref, client_id, office_id, category, subcategory, opened_on, closed_on,
       lead_adviser_id, funding_stream, arrival_route, referrer_partner_id, prior_organisations_contacted, times_told_story_before)
     VALUES ($1, $2, $3, $4, 'housing', 'possession', $5, $6, $7, 'legal_aid_fixed_fee', 'referred', $8, 2, 3) RETURNING id`,
    [organisationId, caseRef, clientId, officeId, openedOn, closedOn, adviserId, partnerId],
  );
  const child = (table: string, columns: string, values: string, params: unknown[]) =>
    one(`INSERT INTO ${table} (organisation_id, case_id, ${columns}) VALUES ($1, $2, ${values}) RETURNING id`, [
      organisationId,
      caseId,
      ...params,
    ]);
  const timeEntryId = await child(
    'time_entries',
    `adviser_id, "on", minutes, class, activity, mode, note`,
    `$3, $4, 95, 'relationship', 'initial_interview', 'face_to_face', $5`,
    [adviserId, openedOn, text],
  );
  const feedbackId = await child(
    'feedback',
    `"on", items, comment, source`,
    `$3, '{"respect": 5, "time_to_listen": 4}', $4, 'paper'`,
    [openedOn, text],
  );
  const assessmentId = await child('adviser_assessments', `trust, disclosure`, `4, 'partly'`, []);
  const problemId = await child(
    'underlying_problems',
    `category, description, uncovered_on, action, partner_id, reached_support`,
    `'debt', $3, $4, 'referred_warm', $5, true`,
    [text, openedOn, partnerId],
  );
  const referralId = await child(
    'referrals',
    `direction, partner_id, "on", kind, reached_support, note`,
    `'out', $3, $4, 'warm_handover', true, $5`,
    [partnerId, openedOn, text],
  );
  const outcomeId = await child(
    'outcomes',
    `result, understood, accepted, appeal, confidence_before, confidence_after`,
    `'positive', 5, true, 'none_needed', 2, 4`,
    [],
  );
  const benefitId = await child('outcome_benefits', `type, amount_gbp`, `'eviction_avoided', 34000`, []);
  const followUpId = await child('follow_ups', `"on", recontact, outcome_sustained`, `$3, 'none', true`, [
    closedOn ?? openedOn,
  ]);
  const noteId = await child(
    'case_notes',
    `kind, "on", body, time_entry_id, author_id`,
    `'attendance', $3, $4, $5, $6`,
    [openedOn, text, timeEntryId, adviserId],
  );
  await child(
    'case_note_revisions',
    `note_id, revision, kind, "on", body, time_entry_id, written_by_id`,
    `$3, 1, 'attendance', $4, $5, $6, $7`,
    [noteId, openedOn, text, timeEntryId, adviserId],
  );
  const partyId = await child(
    'case_parties',
    `role, kind, name, date_of_birth, postcode_district, contact, reference, relationship, pass_phrase, language, note`,
    `'third_party', 'person', $3, '1990-02-03', 'SW9', $4, $4, $4, $4, $4, $4`,
    [`Party ${marker}`, text],
  );
  const conflictCheckId = await child(
    'conflict_checks',
    `subject, party_id, searched_name, searched_date_of_birth, searched_postcode_district, matches, result, reason,
     checked_by_id`,
    `'party', $3, $4, '1990-02-03', 'SW9', jsonb_build_array(jsonb_build_object('source', 'client', 'id', $5::uuid)),
     'conflict_can_proceed', $6, $7`,
    [partyId, `Party ${marker}`, clientId, text, adviserId],
  );
  const keyDateId = await child(
    'key_dates',
    `kind, title, due_on, assignee_id, note, created_by_id`,
    `'limitation', $3, $4, $5, $3, $5`,
    [text, openedOn, adviserId],
  );
  await child(
    'key_date_changes',
    `key_date_id, change, kind, title, due_on, assignee_id, previous_title, changed_by_id`,
    `$3, 'added', 'limitation', $4, $5, $6, $4, $6`,
    [keyDateId, text, openedOn, adviserId],
  );
  const documentId = await child(
    'case_documents',
    `file_name, content_type, size_bytes, sha256, source, uploaded_by_id, content`,
    `$3, 'application/pdf', octet_length($4::bytea), encode(sha256($4::bytea), 'hex'), 'upload', $5, $4::bytea`,
    [`Document ${marker}.pdf`, Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`), adviserId],
  );
  const fileReviewId = await child(
    'file_reviews',
    `reviewed_on, reviewer_id, outcome, actions`,
    `$3, $4, 'actions_needed', $5`,
    [openedOn, adviserId, text],
  );
  // The UFN's sequence is counted first: Citus refuses a subquery inside INSERT … VALUES.
  const [{ n: legalAidN }]: Array<{ n: number }> = await dataSource.query(
    `SELECT count(*)::int + 1 AS n FROM case_legal_aid WHERE organisation_id = $1`,
    [organisationId],
  );
  const legalAidId = await child(
    'case_legal_aid',
    `category_of_law, ufn, matter_type_1, matter_type_2, stage_reached, outcome_code, access_point, procurement_area,
       client_postcode`,
    `'housing_hlpas', to_char($3::date, 'DDMMYY') || '/' || lpad($4::text, 3, '0'),
       'LWRA', 'LPRI', 'LB', 'LC', 'AP00137', 'PA00136', 'SW9 8AB'`,
    [openedOn, legalAidN],
  );
  const letterTemplateId = await one(
    `INSERT INTO letter_templates (organisation_id, name, body) VALUES ($1, $2, $3) RETURNING id`,
    [organisationId, `Template ${marker}`, `Dear {{client.fullName}}, ${text}`],
  );
  const fixture = {
    marker,
    organisationId,
    officeId,
    partnerId,
    adviserId,
    adviserEmail,
    clientId,
    clientRef,
    clientFirstName,
    clientLastName,
    caseId,
    caseRef,
    timeEntryId,
    feedbackId,
    assessmentId,
    problemId,
    referralId,
    outcomeId,
    benefitId,
    followUpId,
    noteId,
    partyId,
    conflictCheckId,
    keyDateId,
    documentId,
    letterTemplateId,
    fileReviewId,
    legalAidId,
  };
  return {
    ...fixture,
    recordIds: [
      officeId,
      partnerId,
      adviserId,
      clientId,
      caseId,
      timeEntryId,
      feedbackId,
      assessmentId,
      problemId,
      referralId,
      outcomeId,
      benefitId,
      followUpId,
      noteId,
      partyId,
      conflictCheckId,
      keyDateId,
      documentId,
      letterTemplateId,
      fileReviewId,
      legalAidId,
    ],
  };
}
