/**
 * The monthly contract report in the layout of the LAA's CSV bulk-load submission
 * (docs/legal-aid-codes.md says which parts are verified against the LAA's public code and which
 * are inferred): an OFFICE and a SCHEDULE record, one OUTCOME record per legal aid matter completed
 * in the month, and MATTERSTARTS records counting the month's new matters per category of law,
 * access point and procurement area. Every cell but the first is KEY=VALUE.
 *
 * A case the LAA would reject is left out of the file and listed as a problem in plain words,
 * naming the case and what to fix: nothing is dropped silently.
 */
import type { LegalAidAnswers } from '@deepvalue/shared';
import { longDate } from '@deepvalue/shared';
import { legalAidProblems } from './legal-aid-checks.js';
import type { LegalAidCodes } from './legal-aid-codes.js';
import { formatUcn } from './ucn.js';

export interface ReportCase {
  caseId: string;
  caseRef: string;
  openedOn: string;
  closedOn: string | null;
  /** Null: the case is legal aid funded but has no legal aid details. */
  legalAid: (LegalAidAnswers & { ufn: string | null }) | null;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  ethnicity: string | null;
  disability: string | null;
  erased: boolean;
  adviceMinutes: number;
  travelMinutes: number;
}

export interface ReportOffice {
  /** The LAA office account number, e.g. 0U099L. */
  account: string | null;
  /** The schedule reference of the contract, e.g. 0U099L/2024/01. */
  scheduleRef: string | null;
  /** Legal Help hourly rates, £, that advice and travel time are priced at; null: not entered. */
  hourlyRateGbp: number | null;
  travelRateGbp: number | null;
  /** VAT applies to the claims; null: not said. */
  vatRegistered: boolean | null;
}

export interface ReportProblem {
  caseId: string | null;
  caseRef: string | null;
  /** The field to fix (the API's name), or "" for the organisation's settings. */
  field: string;
  message: string;
}

export interface ContractReport {
  month: string;
  submissionPeriod: string;
  /** OUTCOME records written. */
  completedMatters: number;
  /** Matters counted in MATTERSTARTS records. */
  matterStarts: number;
  /** Cases left out of the file because of a problem. */
  leftOut: number;
  problems: ReportProblem[];
  csv: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** 2026-03 → MAR-2026. */
export const submissionPeriod = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]}-${month.slice(0, 4)}`;

/** YYYY-MM-DD → DD/MM/YYYY, as the bulk load writes dates. */
const laaDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const inMonth = (date: string | null, month: string) => date !== null && date.slice(0, 7) === month;

/** Field → the words a manager reads in a problem. */
const WORDS: Record<string, string> = {
  ufn: 'the Unique File Number',
  matterType1: 'matter type 1',
  matterType2: 'matter type 2',
  stageReached: 'the stage reached',
  outcomeCode: 'the outcome code',
  feeCode: 'the fee code',
  accessPoint: 'the access point',
  procurementArea: 'the procurement area',
  clientPostcode: "the client's full postcode",
  firstName: "the client's first name",
  lastName: "the client's last name",
  dateOfBirth: "the client's date of birth",
  gender: "the client's gender (equality monitoring)",
  ethnicity: "the client's ethnicity (equality monitoring)",
  disability: "the client's disability (equality monitoring)",
};

export function buildContractReport(
  codes: LegalAidCodes,
  month: string,
  office: ReportOffice,
  cases: ReportCase[],
): ContractReport {
  const problems: ReportProblem[] = [];
  const period = submissionPeriod(month);
  if (!office.account)
    problems.push({
      caseId: null,
      caseRef: null,
      field: 'legalAidOfficeAccount',
      message:
        "The organisation's LAA office account number is not recorded: an administrator adds it under Administration, Legal aid contract (6 letters or digits, e.g. 0U099L).",
    });
  else if (!new RegExp(codes.formats.officeAccountNumber.pattern, 'u').test(office.account))
    problems.push({
      caseId: null,
      caseRef: null,
      field: 'legalAidOfficeAccount',
      message: `The organisation's LAA office account number "${office.account}" is not accepted: ${codes.formats.officeAccountNumber.rule}.`,
    });
  if (!office.scheduleRef)
    problems.push({
      caseId: null,
      caseRef: null,
      field: 'legalAidScheduleRef',
      message:
        "The organisation's LAA schedule reference is not recorded: an administrator adds it under Administration, Legal aid contract (e.g. 0U099L/2024/01).",
    });

  const completed = cases.filter((c) => inMonth(c.closedOn, month));
  const settingProblem = (field: string, what: string) =>
    problems.push({
      caseId: null,
      caseRef: null,
      field,
      message: `${what} is not recorded, so the costs of completed matters are left empty: an administrator adds it under Administration, Legal aid contract.`,
    });
  // Costs are written only on completed matters: a month without any needs no rates.
  if (completed.length && office.hourlyRateGbp === null)
    settingProblem('legalAidHourlyRateGbp', 'The Legal Help hourly rate for advice time');
  if (completed.length && office.travelRateGbp === null)
    settingProblem('legalAidTravelRateGbp', 'The Legal Help hourly rate for travel and waiting time');
  if (completed.length && office.vatRegistered === null)
    settingProblem('legalAidVatRegistered', 'Whether VAT applies to your claims');

  const started = cases.filter((c) => inMonth(c.openedOn, month));
  const outcomeRows: string[][] = [];
  const left = new Set<string>();
  for (const c of completed) {
    const found = completedProblems(codes, c, month);
    if (found.length) {
      problems.push(...found);
      left.add(c.caseId);
      continue;
    }
    outcomeRows.push(outcomeRecord(codes, c, outcomeRows.length + 1, office));
  }

  const starts = new Map<string, { scheduleRef: string; area: string; point: string; code: string; n: number }>();
  for (const c of started) {
    const found = startProblems(codes, c);
    if (found.length) {
      if (!left.has(c.caseId)) problems.push(...found);
      left.add(c.caseId);
      continue;
    }
    const la = c.legalAid!;
    const code = codes.categories.find((k) => k.code === la.categoryOfLaw)!.matterStartCode!;
    const key = [la.procurementArea, la.accessPoint, code].join('|');
    const entry = starts.get(key) ?? {
      scheduleRef: office.scheduleRef ?? '',
      area: la.procurementArea!,
      point: la.accessPoint!,
      code,
      n: 0,
    };
    entry.n += 1;
    starts.set(key, entry);
  }

  const lines: string[][] = [
    ['OFFICE', `account=${office.account ?? ''}`],
    [
      'SCHEDULE',
      `submissionPeriod=${period}`,
      'areaOfLaw=LEGAL HELP',
      `scheduleNum=${office.account ? `${office.account}/LEGAL_HELP` : ''}`,
    ],
    ...outcomeRows,
    ...[...starts.values()]
      .sort((a, b) => `${a.area}${a.point}${a.code}`.localeCompare(`${b.area}${b.point}${b.code}`))
      .map((s) => [
        'MATTERSTARTS',
        `SCHEDULE_REF=${s.scheduleRef}`,
        `PROCUREMENT_AREA=${s.area}`,
        `ACCESS_POINT=${s.point}`,
        `${s.code}=${s.n}`,
      ]),
  ];
  return {
    month,
    submissionPeriod: period,
    completedMatters: outcomeRows.length,
    matterStarts: [...starts.values()].reduce((sum, s) => sum + s.n, 0),
    leftOut: left.size,
    problems,
    csv: lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n',
  };
}

/** The fee code a case's claim is for: its own, or its category's only one; null when neither. */
export function feeCodeOf(codes: LegalAidCodes, la: LegalAidAnswers): string | null {
  if (la.feeCode) return la.feeCode;
  const list = codes.feeCodes.find((f) => f.category === la.categoryOfLaw)?.feeCode ?? [];
  return list.length === 1 ? list[0].code : null;
}

/** Minutes priced at an hourly rate, to the penny (half a penny up), written as pounds; empty without a rate. */
export function timeCost(minutes: number, rateGbp: number | null): string {
  if (rateGbp === null) return '';
  const pence = Math.round((minutes * Math.round(rateGbp * 100)) / 60);
  return (pence / 100).toFixed(2);
}

function outcomeRecord(codes: LegalAidCodes, c: ReportCase, sequence: number, office: ReportOffice): string[] {
  const la = c.legalAid!;
  const cells: Array<[string, string]> = [
    ['FEE_CODE', feeCodeOf(codes, la)!],
    ['CASE_REF_NUMBER', c.caseRef],
    ['CASE_START_DATE', laaDate(c.openedOn)],
    ['CASE_ID', String(sequence).padStart(3, '0')],
    ['UFN', la.ufn!],
    ['PROCUREMENT_AREA', la.procurementArea!],
    ['ACCESS_POINT', la.accessPoint!],
    ['CLIENT_FORENAME', c.firstName!],
    ['CLIENT_SURNAME', c.lastName!],
    ['CLIENT_DATE_OF_BIRTH', laaDate(c.dateOfBirth!)],
    ['UCN', formatUcn(c.firstName!, c.lastName!, c.dateOfBirth!)],
    ['GENDER', c.gender!],
    ['ETHNICITY', c.ethnicity!],
    ['DISABILITY', c.disability!],
    ['CLIENT_POST_CODE', la.clientPostcode!.replace(/\s+/g, '')],
    ['WORK_CONCLUDED_DATE', laaDate(c.closedOn!)],
    ['ADVICE_TIME', String(c.adviceMinutes)],
    ['TRAVEL_TIME', String(c.travelMinutes)],
    ['WAITING_TIME', '0'],
    ['PROFIT_COST', timeCost(c.adviceMinutes, office.hourlyRateGbp)],
    // Amounts the case records; none recorded is none (0.00): the form asks to leave them empty when there were none.
    ['DISBURSEMENTS_AMOUNT', (la.disbursementsGbp ?? 0).toFixed(2)],
    ['COUNSEL_COST', (la.counselCostsGbp ?? 0).toFixed(2)],
    ['DISBURSEMENTS_VAT', (la.disbursementsVatGbp ?? 0).toFixed(2)],
    ['TRAVEL_WAITING_COSTS', timeCost(c.travelMinutes, office.travelRateGbp)],
    ['VAT_INDICATOR', office.vatRegistered === null ? '' : office.vatRegistered ? 'Y' : 'N'],
    ['STAGE_REACHED', la.stageReached ?? ''],
    ['OUTCOME_CODE', la.outcomeCode!],
    ['EXEMPTION_CRITERIA_SATISFIED', la.exemptionCriteria ?? ''],
    ['SCHEDULE_REF', office.scheduleRef ?? ''],
  ];
  return ['OUTCOME', `matterType=${la.matterType1}:${la.matterType2}`, ...cells.map(([k, v]) => `${k}=${v}`)];
}

const caseWords = (c: ReportCase, what: string) => `Case ${c.caseRef} (${what})`;

/** Why the LAA would reject the case's OUTCOME record. */
function completedProblems(codes: LegalAidCodes, c: ReportCase, month: string): ReportProblem[] {
  const intro = caseWords(c, `closed ${longDate(c.closedOn!)}`);
  const problem = (field: string, message: string): ReportProblem => ({
    caseId: c.caseId,
    caseRef: c.caseRef,
    field,
    message: `${intro}: ${message}`,
  });
  if (!c.legalAid)
    return [
      problem(
        'categoryOfLaw',
        'is legal aid funded but has no legal aid details: record them under "Legal aid" on the case page, or change its funding',
      ),
    ];
  if (c.erased)
    return [problem('', "the client's details were erased, so the LAA's record cannot be completed from Deep Value")];
  const la = c.legalAid;
  const out: ReportProblem[] = [];
  const missing = (field: string) => out.push(problem(field, `${WORDS[field]} is not recorded`));
  for (const field of [
    'ufn',
    'matterType1',
    'matterType2',
    'outcomeCode',
    'accessPoint',
    'procurementArea',
    'clientPostcode',
  ] as const)
    if (!la[field]) missing(field);
  const category = codes.outcomes.find((o) => o.category === la.categoryOfLaw);
  if (!la.stageReached && category?.stageReached.length) missing('stageReached');
  if (!feeCodeOf(codes, la)) {
    const list = codes.feeCodes.find((f) => f.category === la.categoryOfLaw)?.feeCode ?? [];
    out.push(
      problem(
        'feeCode',
        list.length
          ? `the fee code is not recorded: choose the fee claimed (${list
              .slice(0, 6)
              .map((k) => k.code)
              .join(', ')}${list.length > 6 ? ', …' : ''})`
          : "the fee code is not recorded (the code lists give this category none: record the fee scheme's code)",
      ),
    );
  }
  for (const field of ['firstName', 'lastName', 'dateOfBirth'] as const) if (!c[field]) missing(field);
  for (const field of ['gender', 'ethnicity', 'disability'] as const)
    if (!c[field])
      out.push(
        problem(
          field,
          `${WORDS[field]} was not asked: record the answer, or "${codes.equality[field].declinedCode}" if the client prefers not to say`,
        ),
      );
  const name = new RegExp(codes.formats.clientName.pattern, 'u');
  for (const field of ['firstName', 'lastName'] as const) {
    const value = c[field];
    if (value && !name.test(value))
      out.push(problem(field, `${WORDS[field]} "${value}": ${codes.formats.clientName.rule}`));
  }
  if (c.firstName && c.lastName && c.dateOfBirth) {
    const ucn = formatUcn(c.firstName, c.lastName, c.dateOfBirth);
    if (!new RegExp(codes.formats.uniqueClientNumber.pattern, 'u').test(ucn))
      out.push(
        problem(
          'lastName',
          `the Unique Client Number formed from the client's names and date of birth, "${ucn}", is not accepted: ${codes.formats.uniqueClientNumber.rule}`,
        ),
      );
  }
  if (!new RegExp(codes.formats.caseReferenceNumber.pattern, 'u').test(c.caseRef))
    out.push(problem('ref', `the case reference: ${codes.formats.caseReferenceNumber.rule}`));
  for (const e of legalAidProblems(codes, la, `${month}-31`))
    out.push(problem(e.path, `${WORDS[e.path] ?? e.path} ${e.message}`));
  return out;
}

/** Why the case cannot be counted in the month's MATTERSTARTS records. */
function startProblems(codes: LegalAidCodes, c: ReportCase): ReportProblem[] {
  const intro = caseWords(c, `opened ${longDate(c.openedOn)}`);
  const problem = (field: string, message: string): ReportProblem => ({
    caseId: c.caseId,
    caseRef: c.caseRef,
    field,
    message: `${intro}: ${message}`,
  });
  if (!c.legalAid)
    return [
      problem(
        'categoryOfLaw',
        'is legal aid funded but has no legal aid details: record them under "Legal aid" on the case page, or change its funding',
      ),
    ];
  const out: ReportProblem[] = [];
  const la = c.legalAid;
  if (!la.accessPoint) out.push(problem('accessPoint', `${WORDS.accessPoint} is not recorded`));
  if (!la.procurementArea) out.push(problem('procurementArea', `${WORDS.procurementArea} is not recorded`));
  const category = codes.categories.find((k) => k.code === la.categoryOfLaw);
  if (!category)
    out.push(problem('categoryOfLaw', `"${la.categoryOfLaw}" is no longer a category of law of the code lists`));
  else if (!category.matterStartCode)
    out.push(
      problem(
        'categoryOfLaw',
        `the code lists give ${category.label} no matter start code, so its new matters cannot be counted (add matterStartCode to categories-of-law.json)`,
      ),
    );
  return out;
}
