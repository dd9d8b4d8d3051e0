/**
 * Exports an organisation's casework as deepvalue.import.v1, streaming batches of cases so a large
 * organisation never sits in memory. Refs only: database ids never leave. Importing the export into
 * an empty organisation and exporting again gives the same document.
 */
import { Injectable } from '@nestjs/common';
import type { Subcategory } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { IMPORT_FORMAT, type ImportCase, type ImportHeader } from './import-format.js';
import { writeSheetCsv, writeSheetXlsx, type SheetTable } from './sheets/sheet-export.js';

const BATCH = 1000;

// A user made outside an import has no ref: it is exported under a stable one derived from its id.
const USER_REF = `coalesce(u.ref, 'user-' || left(u.id::text, 8))`;

const caseSql = (where: string) => `
  SELECT c.ref, c.category, c.subcategory, to_char(c.opened_on, 'YYYY-MM-DD') AS "openedOn",
    to_char(c.first_contact_on, 'YYYY-MM-DD') AS "firstContactOn",
    to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn", ${USER_REF} AS "leadAdviserRef", o.ref AS "officeRef",
    c.funding_stream AS "fundingStream", c.arrival_route AS "arrivalRoute", rp.ref AS "referrerRef",
    c.prior_organisations_contacted AS "priorOrganisationsContacted", c.times_told_story_before AS "timesToldStoryBefore",
    c.confidence_at_intake AS "confidenceAtIntake",
    json_build_object('ref', cl.ref, 'firstName', cl.first_name, 'lastName', cl.last_name,
      'dateOfBirth', to_char(cl.date_of_birth, 'YYYY-MM-DD'), 'postcodeDistrict', cl.postcode_district,
      'email', cl.email, 'phone', cl.phone, 'vulnerabilities', cl.vulnerabilities, 'evidenceConsent', cl.evidence_consent,
      'contactSafety', json_build_object('safeBy', json_build_object('phone', cl.safe_by_phone, 'text', cl.safe_by_text,
          'voicemail', cl.safe_by_voicemail, 'email', cl.safe_by_email, 'letter', cl.safe_by_letter, 'visit', cl.safe_by_visit),
        'preferredChannel', cl.preferred_channel, 'note', cl.contact_note, 'interpreterLanguage', cl.interpreter_language,
        'bsl', cl.bsl, 'largePrint', cl.large_print, 'otherAdaptations', cl.other_adaptations),
      'equality', CASE WHEN num_nonnulls(cl.equality_gender, cl.equality_ethnicity, cl.equality_disability) > 0
        THEN json_build_object('gender', cl.equality_gender, 'ethnicity', cl.equality_ethnicity, 'disability', cl.equality_disability) END) AS client,
    (SELECT coalesce(json_agg(json_build_object('on', to_char(t."on", 'YYYY-MM-DD'), 'adviserRef', ${USER_REF.replace(/u\./g, 'tu.')},
        'minutes', t.minutes, 'class', t.class, 'activity', t.activity, 'mode', t.mode, 'note', t.note)
        ORDER BY t."on", t.created_at, t.id), '[]')
      FROM time_entries t JOIN users tu ON tu.organisation_id = t.organisation_id AND tu.id = t.adviser_id WHERE t.organisation_id = c.organisation_id AND t.case_id = c.id) AS "timeEntries",
    (SELECT coalesce(json_agg(json_build_object('on', to_char(f."on", 'YYYY-MM-DD'), 'items', f.items, 'comment', f.comment, 'source', f.source)
        ORDER BY f."on", f.id), '[]')
      FROM feedback f WHERE f.organisation_id = c.organisation_id AND f.case_id = c.id) AS feedback,
    (SELECT json_build_object('trust', a.trust, 'disclosure', a.disclosure)
      FROM adviser_assessments a WHERE a.organisation_id = c.organisation_id AND a.case_id = c.id) AS "adviserAssessment",
    (SELECT coalesce(json_agg(json_build_object('category', p.category, 'description', p.description,
        'uncoveredOn', to_char(p.uncovered_on, 'YYYY-MM-DD'), 'action', p.action, 'partnerRef', pp.ref,
        'reachedSupport', p.reached_support, 'result', p.result) ORDER BY p.uncovered_on, p.category, p.id), '[]')
      FROM underlying_problems p LEFT JOIN partners pp ON pp.organisation_id = p.organisation_id AND pp.id = p.partner_id
      WHERE p.organisation_id = c.organisation_id AND p.case_id = c.id) AS "underlyingProblems",
    (SELECT coalesce(json_agg(json_build_object('direction', r.direction, 'partnerRef', rp2.ref, 'on', to_char(r."on", 'YYYY-MM-DD'),
        'kind', r.kind, 'reachedSupport', r.reached_support, 'note', r.note) ORDER BY r."on", r.direction, r.id), '[]')
      FROM referrals r JOIN partners rp2 ON rp2.organisation_id = r.organisation_id AND rp2.id = r.partner_id WHERE r.organisation_id = c.organisation_id AND r.case_id = c.id) AS referrals,
    (SELECT json_build_object('result', oc.result,
        'benefits', (SELECT coalesce(json_agg(json_build_object('type', b.type, 'amountGbp', b.amount_gbp::float8) ORDER BY b.type, b.amount_gbp), '[]')
                     FROM outcome_benefits b WHERE b.organisation_id = c.organisation_id AND b.case_id = c.id),
        'understood', oc.understood, 'accepted', oc.accepted, 'appeal', oc.appeal,
        'appealNotPursuedReason', oc.appeal_not_pursued_reason, 'confidenceBefore', oc.confidence_before,
        'confidenceAfter', oc.confidence_after, 'wouldSeekAdviceEarlier', oc.would_seek_advice_earlier,
        'couldHandleSimilar', oc.could_handle_similar)
      FROM outcomes oc WHERE oc.organisation_id = c.organisation_id AND oc.case_id = c.id) AS outcome,
    (SELECT coalesce(json_agg(json_build_object('on', to_char(fu."on", 'YYYY-MM-DD'), 'recontact', fu.recontact,
        'outcomeSustained', fu.outcome_sustained) ORDER BY fu."on", fu.id), '[]')
      FROM follow_ups fu WHERE fu.organisation_id = c.organisation_id AND fu.case_id = c.id) AS "followUps",
    (SELECT coalesce(json_agg(json_build_object('kind', n.kind, 'on', to_char(n."on", 'YYYY-MM-DD'),
        'authorRef', ${USER_REF.replace(/u\./g, 'nu.')}, 'writtenAt', n.created_at, 'body', n.body,
        'timeEntryIndex', (SELECT te.pos - 1 FROM (SELECT t.id, row_number() OVER (ORDER BY t."on", t.created_at, t.id) AS pos
            FROM time_entries t WHERE t.organisation_id = c.organisation_id AND t.case_id = c.id) te WHERE te.id = n.time_entry_id))
        ORDER BY n.created_at, n.id), '[]')
      FROM case_notes n JOIN users nu ON nu.organisation_id = n.organisation_id AND nu.id = n.author_id
      WHERE n.organisation_id = c.organisation_id AND n.case_id = c.id) AS notes,
    (SELECT coalesce(json_agg(json_build_object('kind', k.kind, 'title', k.title, 'dueOn', to_char(k.due_on, 'YYYY-MM-DD'),
        'doneOn', to_char(k.done_on, 'YYYY-MM-DD'), 'note', k.note, 'assigneeRef', ${USER_REF.replace(/u\./g, 'ku.')},
        'createdByRef', ${USER_REF.replace(/u\./g, 'kc.')}) ORDER BY k.due_on, k.created_at, k.id), '[]')
      FROM key_dates k JOIN users kc ON kc.organisation_id = k.organisation_id AND kc.id = k.created_by_id
      LEFT JOIN users ku ON ku.organisation_id = k.organisation_id AND ku.id = k.assignee_id
      WHERE k.organisation_id = c.organisation_id AND k.case_id = c.id) AS "keyDates",
    (SELECT coalesce(json_agg(json_build_object('role', p.role, 'opponentType', p.opponent_type, 'kind', p.kind, 'name', p.name,
        'dateOfBirth', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'postcodeDistrict', p.postcode_district, 'contact', p.contact,
        'reference', p.reference, 'relationship', p.relationship, 'passPhrase', p.pass_phrase, 'language', p.language,
        'note', p.note) ORDER BY p.created_at, p.id), '[]')
      FROM case_parties p WHERE p.organisation_id = c.organisation_id AND p.case_id = c.id) AS parties,
    (SELECT json_build_object('categoryOfLaw', l.category_of_law, 'ufn', l.ufn, 'matterType1', l.matter_type_1,
        'matterType2', l.matter_type_2, 'stageReached', l.stage_reached, 'outcomeCode', l.outcome_code,
        'feeCode', l.fee_code,
        'exemptionCriteria', l.exemption_criteria, 'accessPoint', l.access_point, 'procurementArea', l.procurement_area,
        'clientPostcode', l.client_postcode, 'disbursementsGbp', l.disbursements_gbp,
        'disbursementsVatGbp', l.disbursements_vat_gbp, 'counselCostsGbp', l.counsel_costs_gbp)
      FROM case_legal_aid l WHERE l.organisation_id = c.organisation_id AND l.case_id = c.id) AS "legalAid"
  FROM cases c
  JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
  JOIN users u ON u.organisation_id = c.organisation_id AND u.id = c.lead_adviser_id
  LEFT JOIN offices o ON o.organisation_id = c.organisation_id AND o.id = c.office_id
  LEFT JOIN partners rp ON rp.organisation_id = c.organisation_id AND rp.id = c.referrer_partner_id
  WHERE c.organisation_id = $1 AND ${where}
  ORDER BY c.ref`;
const CASE_SQL = `${caseSql('c.ref > $2')} LIMIT ${BATCH}`;
const CASES_BY_REF_SQL = caseSql('c.ref = ANY($2::text[])');

type CaseRow = Omit<ImportCase, 'arrival'> & {
  arrivalRoute: ImportCase['arrival']['route'];
  referrerRef: string | null;
};

@Injectable()
export class ExportService {
  constructor(private readonly dataSource: DataSource) {}

  async header(organisationId: string): Promise<ImportHeader> {
    const [organisation] = await this.dataSource.query(`SELECT ref, name FROM organisations WHERE id = $1`, [
      organisationId,
    ]);
    if (!organisation) throw notFound('Organisation');
    const q = (sql: string) => this.dataSource.query(sql, [organisationId]);
    const [offices, advisers, partners, feedbackItems, subcategories] = await Promise.all([
      q(`SELECT ref, name FROM offices WHERE organisation_id = $1 ORDER BY ref`),
      q(`SELECT ${USER_REF} AS ref, u.name, u.email, o.ref AS office FROM users u LEFT JOIN offices o ON o.organisation_id = u.organisation_id AND o.id = u.office_id
         WHERE u.organisation_id = $1 AND (u.ref IS NOT NULL OR u.role IN ('adviser', 'manager')
           OR EXISTS (SELECT 1 FROM time_entries t WHERE t.organisation_id = u.organisation_id AND t.adviser_id = u.id) OR EXISTS (SELECT 1 FROM cases c WHERE c.organisation_id = u.organisation_id AND c.lead_adviser_id = u.id)
           OR EXISTS (SELECT 1 FROM case_notes n WHERE n.organisation_id = u.organisation_id AND n.author_id = u.id)
           OR EXISTS (SELECT 1 FROM key_dates k WHERE k.organisation_id = u.organisation_id AND u.id IN (k.created_by_id, k.assignee_id)))
         ORDER BY 1`),
      q(`SELECT ref, name, service, contact FROM partners WHERE organisation_id = $1 ORDER BY ref`),
      q(`SELECT key, label FROM feedback_items WHERE organisation_id = $1 ORDER BY position, key`),
      q(`SELECT category, key, label, CASE WHEN NOT active THEN true END AS retired
           FROM subcategories WHERE organisation_id = $1 ORDER BY position, key`),
    ]);
    return {
      format: IMPORT_FORMAT,
      organisation: { ref: organisation.ref, name: organisation.name },
      advisers,
      offices,
      partners,
      ...(feedbackItems.length ? { feedbackItems } : {}),
      ...(subcategories.length
        ? { subcategories: subcategories.map(({ retired, ...s }: Subcategory) => (retired ? { ...s, retired } : s)) }
        : {}),
    };
  }

  async *cases(organisationId: string): AsyncGenerator<ImportCase> {
    let after = '';
    for (;;) {
      const rows: CaseRow[] = await this.dataSource.query(CASE_SQL, [organisationId, after]);
      yield* rows.map(toCase);
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1].ref;
    }
  }

  /** The organisation's cases with these refs (those that exist), as the format writes them. */
  async casesByRef(organisationId: string, refs: string[]): Promise<ImportCase[]> {
    const found: ImportCase[] = [];
    for (let i = 0; i < refs.length; i += BATCH) {
      const rows: CaseRow[] = await this.dataSource.query(CASES_BY_REF_SQL, [organisationId, refs.slice(i, i + BATCH)]);
      found.push(...rows.map(toCase));
    }
    return found;
  }

  /** Writes NDJSON (a header line, then one case per line), waiting when the stream is full. */
  async writeNdjson(organisationId: string, out: NodeJS.WritableStream): Promise<number> {
    await write(out, `${JSON.stringify(await this.header(organisationId))}\n`);
    let count = 0;
    for await (const c of this.cases(organisationId)) {
      await write(out, `${JSON.stringify(c)}\n`);
      count++;
    }
    return count;
  }

  /** One table (cases, or time entries) as a spreadsheet user's CSV. */
  async writeCsv(organisationId: string, table: SheetTable, out: NodeJS.WritableStream): Promise<number> {
    return writeSheetCsv(await this.header(organisationId), this.cases(organisationId), table, out);
  }

  /** A workbook with a Cases sheet and a Time entries sheet. */
  async writeXlsx(organisationId: string, out: NodeJS.WritableStream): Promise<number> {
    return writeSheetXlsx(await this.header(organisationId), this.cases(organisationId), out);
  }

  /** Writes one JSON document with the header fields before `cases`. */
  async writeJson(organisationId: string, out: NodeJS.WritableStream): Promise<number> {
    const header = JSON.stringify(await this.header(organisationId));
    await write(out, `${header.slice(0, -1)},"cases":[`);
    let count = 0;
    for await (const c of this.cases(organisationId)) {
      await write(out, `${count ? ',' : ''}\n${JSON.stringify(c)}`);
      count++;
    }
    await write(out, '\n]}\n');
    return count;
  }
}

function toCase({ arrivalRoute, referrerRef, ...row }: CaseRow): ImportCase {
  const { ref, client, ...rest } = row;
  return {
    ref,
    client,
    ...rest,
    arrival: { route: arrivalRoute, ...(referrerRef ? { referrerRef } : {}) },
  } as ImportCase;
}

function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(text)) resolve();
    else {
      out.once('drain', resolve);
      out.once('error', reject);
    }
  });
}
