/** Record a legally aided case's LAA details (PUT /cases/:id/legal-aid), with codes from the lists. */
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { useCase, useRefreshCase } from '../cases/api';
import { CaseHeading } from '../cases/CaseHeading';
import { type CaseDetail, LEGAL_AID_AMOUNTS, LEGAL_AID_FIELDS, type LegalAidAmount } from '@deepvalue/shared';
import { useLegalAidCodes } from './api';
import type { LegalAidCode as Code, LegalAidCodesView as LegalAidCodes } from '@deepvalue/shared';
import { codeLabel, pounds } from './types';

const FIELDS = LEGAL_AID_FIELDS;
type Values = Record<(typeof FIELDS)[number], string>;

const LABELS: Record<string, string> = {
  categoryOfLaw: 'Category of law',
  ufn: 'Unique File Number (UFN)',
  matterType1: 'Matter type 1',
  matterType2: 'Matter type 2',
  stageReached: 'Stage reached',
  outcomeCode: 'Outcome code',
  feeCode: 'Fee code',
  exemptionCriteria: 'Exemption criteria satisfied (if any)',
  accessPoint: 'Access point',
  procurementArea: 'Procurement area',
  clientPostcode: 'Client’s full postcode',
  disbursementsGbp: 'Disbursements',
  disbursementsVatGbp: 'VAT on disbursements',
  counselCostsGbp: 'Counsel’s fees',
};

const AMOUNT_HINTS: Record<LegalAidAmount, string> = {
  disbursementsGbp: 'In pounds, excluding VAT. Leave empty if there were none.',
  disbursementsVatGbp: 'In pounds. Leave empty if there was none.',
  counselCostsGbp: 'In pounds, excluding VAT. Leave empty if there were none.',
};

export function LegalAidPage() {
  const { caseId = '' } = useParams();
  const kase = useCase(caseId);
  const codes = useLegalAidCodes();
  usePageTitle('Legal aid details');
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={kase} what="The case">
        {(c) => (
          <QueryState query={codes} what="The legal aid code lists">
            {(lists) => <LegalAidForm key={c.legalAid?.version ?? 0} c={c} lists={lists} />}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function LegalAidForm({ c, lists }: { c: CaseDetail; lists: LegalAidCodes }) {
  const saved = c.legalAid ?? null;
  // A new record starts from the category of law of the case's own category, where the lists have one.
  const [values, setValues] = useState<Values>(() => ({
    ...(Object.fromEntries(FIELDS.map((f) => [f, saved?.[f] ?? ''])) as Values),
    categoryOfLaw: saved?.categoryOfLaw ?? (lists.categories.some((k) => k.code === c.category) ? c.category : ''),
  }));
  const [amounts, setAmounts] = useState<Record<LegalAidAmount, string>>(
    () =>
      Object.fromEntries(LEGAL_AID_AMOUNTS.map((k) => [k, saved?.[k]?.toFixed(2) ?? ''])) as Record<
        LegalAidAmount,
        string
      >,
  );
  const submission = useSubmission();
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  // The summary names the field; the message beside the field does not need to.
  const summary = submission.errors.map((e) =>
    LABELS[e.path] ? { ...e, message: `${LABELS[e.path]}: ${e.message}` } : e,
  );
  const matterTypes = lists.matterTypes.find((m) => m.category === values.categoryOfLaw);
  const outcomes = lists.outcomes.find((o) => o.category === values.categoryOfLaw);
  const feeCodes = lists.feeCodes.find((f) => f.category === values.categoryOfLaw)?.feeCode;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values.categoryOfLaw) {
      submission.setErrors([{ path: 'categoryOfLaw', message: 'Select the category of law' }]);
      return;
    }
    const body: Record<string, unknown> = { ...(saved ? { version: saved.version } : {}) };
    for (const f of FIELDS) {
      const v = values[f].trim();
      if (f === 'ufn') {
        if (v) body.ufn = v;
      } else body[f] = f === 'categoryOfLaw' ? v : v || null;
    }
    for (const k of LEGAL_AID_AMOUNTS) body[k] = pounds(amounts[k]);
    const result = await submission.submit(body, () => api(`/cases/${c.id}/legal-aid`, { method: 'PUT', body }));
    if (result.ok) {
      await refresh(c.id);
      navigate(`/cases/${c.id}`, flash('Legal aid details saved'));
    } else if (result.error?.isStale) {
      await refresh(c.id);
      submission.setErrors([
        { path: '', message: 'Someone else changed these details. Reload the page to see their changes.' },
      ]);
    }
  }

  /** A list's codes as a select, or a text box where the lists hold none for this category yet. */
  const codeField = (field: keyof Values, list: Code[] | undefined, hint: string) =>
    list?.length ? (
      <Select
        id={field}
        label={LABELS[field]}
        emptyLabel="Not recorded"
        options={list.map((k) => ({ value: k.code, label: codeLabel(k) }))}
        value={values[field]}
        error={errorFor(field)}
        onChange={set(field)}
      />
    ) : (
      <TextInput
        id={field}
        label={LABELS[field]}
        hint={
          values.categoryOfLaw
            ? `${hint} The code lists hold none for this category yet, so only its form is checked.`
            : `${hint} Choose the category of law first to pick from its codes.`
        }
        width={5}
        value={values[field]}
        error={errorFor(field)}
        onChange={(e) => set(field)(e.target.value)}
      />
    );

  return (
    <>
      <ErrorSummary errors={summary} />
      <CaseHeading caseRecord={c} client={c.client} title="Legal aid details" />
      <form noValidate className="dv-form" onSubmit={(e) => void save(e)}>
        <Select
          id="categoryOfLaw"
          label={LABELS.categoryOfLaw}
          hint="The case’s own category follows from it where the lists map one."
          emptyLabel="Select a category"
          options={lists.categories.map((k) => ({ value: k.code, label: k.label }))}
          value={values.categoryOfLaw}
          error={errorFor('categoryOfLaw')}
          onChange={set('categoryOfLaw')}
        />
        <TextInput
          id="ufn"
          label={LABELS.ufn}
          hint="DDMMYY/NNN. Leave empty and the next free number of the day the case was opened is given."
          width={10}
          value={values.ufn}
          error={errorFor('ufn')}
          onChange={(e) => set('ufn')(e.target.value)}
        />
        {codeField('matterType1', matterTypes?.matterType1, '4 capital letters.')}
        {codeField('matterType2', matterTypes?.matterType2, '4 capital letters.')}
        {codeField('stageReached', outcomes?.stageReached, '2 letters or digits.')}
        {codeField('outcomeCode', outcomes?.outcome, '2 characters; recorded when the case closes.')}
        {feeCodes?.length === 1 ? (
          <Select
            id="feeCode"
            label={LABELS.feeCode}
            hint="The fee the claim is for. This category has one, so the contract report uses it unless you choose otherwise."
            emptyLabel={`${codeLabel(feeCodes[0])} (the category’s fee)`}
            options={feeCodes.map((k) => ({ value: k.code, label: codeLabel(k) }))}
            value={values.feeCode}
            error={errorFor('feeCode')}
            onChange={set('feeCode')}
          />
        ) : (
          codeField('feeCode', feeCodes, 'The fee the claim is for, up to 10 letters or digits, for example HOUS.')
        )}
        <TextInput
          id="exemptionCriteria"
          label={LABELS.exemptionCriteria}
          hint="2 capital letters and 3 digits, for example TR001."
          width={5}
          value={values.exemptionCriteria}
          error={errorFor('exemptionCriteria')}
          onChange={(e) => set('exemptionCriteria')(e.target.value)}
        />
        <TextInput
          id="accessPoint"
          label={LABELS.accessPoint}
          hint="AP followed by 5 digits, for example AP00000."
          width={10}
          value={values.accessPoint}
          error={errorFor('accessPoint')}
          onChange={(e) => set('accessPoint')(e.target.value)}
        />
        <TextInput
          id="procurementArea"
          label={LABELS.procurementArea}
          hint="2 capital letters and 5 digits, for example PA00136."
          width={10}
          value={values.procurementArea}
          error={errorFor('procurementArea')}
          onChange={(e) => set('procurementArea')(e.target.value)}
        />
        <TextInput
          id="clientPostcode"
          label={LABELS.clientPostcode}
          hint="As the LAA asks for it, for example E3 4AB; NFA for no fixed abode."
          width={10}
          value={values.clientPostcode}
          error={errorFor('clientPostcode')}
          onChange={(e) => set('clientPostcode')(e.target.value)}
        />
        <h2 className="govuk-heading-m">Disbursements and counsel</h2>
        {LEGAL_AID_AMOUNTS.map((k) => (
          <TextInput
            key={k}
            id={k}
            label={LABELS[k]}
            hint={AMOUNT_HINTS[k]}
            prefix="£"
            width={5}
            inputMode="decimal"
            value={amounts[k]}
            error={errorFor(k)}
            onChange={(e) => setAmounts((a) => ({ ...a, [k]: e.target.value }))}
          />
        ))}
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save legal aid details
        </button>
      </form>
    </>
  );
}
