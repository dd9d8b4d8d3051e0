import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { buildContractReport, type ContractReport, type ReportCase } from './contract-report.js';
import { LegalAidCodesService } from './legal-aid-codes.service.js';

/** Funding streams of civil legal aid: their cases belong in the contract report. */
const LEGAL_AID_FUNDING = ['legal_aid_fixed_fee', 'legal_aid_escape'];

interface Row {
  case_id: string;
  case_ref: string;
  opened_on: string;
  closed_on: string | null;
  has_legal_aid: boolean;
  category_of_law: string | null;
  ufn: string | null;
  matter_type_1: string | null;
  matter_type_2: string | null;
  stage_reached: string | null;
  outcome_code: string | null;
  fee_code: string | null;
  exemption_criteria: string | null;
  access_point: string | null;
  procurement_area: string | null;
  client_postcode: string | null;
  /** numeric: text from pg. */
  disbursements_gbp: string | null;
  disbursements_vat_gbp: string | null;
  counsel_costs_gbp: string | null;
  first_name: string | null;
  last_name: string | null;
  date_of_birth: string | null;
  equality_gender: string | null;
  equality_ethnicity: string | null;
  equality_disability: string | null;
  erased: boolean;
  advice_minutes: number;
  travel_minutes: number;
}

@Injectable()
export class ContractReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: LegalAidCodesService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The month's report: cases with legal aid details or legal aid funding, opened or closed in the
   * month. Recorded in the audit log (an export of client data, or a read of the check) with the
   * cases it covers.
   */
  async build(organisationId: string, month: string, by: Actor, purpose: 'export' | 'check'): Promise<ContractReport> {
    const from = `${month}-01`;
    const rows: Row[] = await this.dataSource.query(
      `SELECT c.id AS case_id, c.ref AS case_ref, c.opened_on::text AS opened_on, c.closed_on::text AS closed_on,
              l.id IS NOT NULL AS has_legal_aid, l.category_of_law, l.ufn, l.matter_type_1, l.matter_type_2,
              l.stage_reached, l.outcome_code, l.fee_code, l.exemption_criteria, l.access_point, l.procurement_area,
              l.client_postcode, l.disbursements_gbp, l.disbursements_vat_gbp, l.counsel_costs_gbp, cl.first_name, cl.last_name, cl.date_of_birth::text AS date_of_birth,
              cl.equality_gender, cl.equality_ethnicity, cl.equality_disability, cl.erased_at IS NOT NULL AS erased,
              coalesce(t.advice, 0)::int AS advice_minutes, coalesce(t.travel, 0)::int AS travel_minutes
         FROM cases c
         JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
         LEFT JOIN case_legal_aid l ON l.organisation_id = c.organisation_id AND l.case_id = c.id
         LEFT JOIN LATERAL (
           SELECT sum(minutes) FILTER (WHERE class <> 'travel') AS advice, sum(minutes) FILTER (WHERE class = 'travel') AS travel
             FROM time_entries te WHERE te.organisation_id = c.organisation_id AND te.case_id = c.id) t ON true
        WHERE c.organisation_id = $1
          AND (l.id IS NOT NULL OR c.funding_stream = ANY($3::text[]))
          AND ((c.opened_on >= $2::date AND c.opened_on < $2::date + interval '1 month')
            OR (c.closed_on >= $2::date AND c.closed_on < $2::date + interval '1 month'))
        ORDER BY c.closed_on NULLS LAST, c.opened_on, c.ref`,
      [organisationId, from, LEGAL_AID_FUNDING],
    );
    const { settings } = await this.organisations.settings(organisationId);
    const report = buildContractReport(
      this.lists.codes,
      month,
      {
        account: settings.legalAidOfficeAccount,
        scheduleRef: settings.legalAidScheduleRef,
        hourlyRateGbp: settings.legalAidHourlyRateGbp,
        travelRateGbp: settings.legalAidTravelRateGbp,
        vatRegistered: settings.legalAidVatRegistered,
      },
      rows.map(toReportCase),
    );
    await this.audit.record({
      organisationId,
      ...by,
      action: purpose === 'export' ? 'export' : 'read',
      entity: 'case',
      entityIds: rows.map((r) => r.case_id),
      details: { operation: 'contract_report', month },
    });
    return report;
  }
}

const pounds = (value: string | null) => (value === null ? null : Number(value));

function toReportCase(r: Row): ReportCase {
  return {
    caseId: r.case_id,
    caseRef: r.case_ref,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    legalAid: r.has_legal_aid
      ? {
          categoryOfLaw: r.category_of_law!,
          ufn: r.ufn,
          matterType1: r.matter_type_1,
          matterType2: r.matter_type_2,
          stageReached: r.stage_reached,
          outcomeCode: r.outcome_code,
          feeCode: r.fee_code,
          exemptionCriteria: r.exemption_criteria,
          accessPoint: r.access_point,
          procurementArea: r.procurement_area,
          clientPostcode: r.client_postcode,
          disbursementsGbp: pounds(r.disbursements_gbp),
          disbursementsVatGbp: pounds(r.disbursements_vat_gbp),
          counselCostsGbp: pounds(r.counsel_costs_gbp),
        }
      : null,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    gender: r.equality_gender,
    ethnicity: r.equality_ethnicity,
    disability: r.equality_disability,
    erased: r.erased,
    adviceMinutes: r.advice_minutes,
    travelMinutes: r.travel_minutes,
  };
}
