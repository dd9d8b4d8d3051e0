/** The case page's "Legal aid" section and the client's equality monitoring line. */
import { Link } from 'react-router';
import { SummaryList } from '../../ui/SummaryList';
import { useLegalAidCodes } from './api';
import { type Equality, EQUALITY_QUESTIONS, type LegalAid } from '@deepvalue/shared';
import { labelIn } from './types';

const NOT = 'Not recorded';

export function LegalAidPanel({ caseId, legalAid }: { caseId: string; legalAid: LegalAid | null }) {
  const codes = useLegalAidCodes().data;
  if (!legalAid)
    return (
      <section aria-labelledby="legal-aid-heading">
        <h2 className="govuk-heading-m" id="legal-aid-heading">
          Legal aid
        </h2>
        <p className="govuk-body">No legal aid details yet (Unique File Number, matter types, outcome code).</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}/legal-aid`}>
            Record legal aid details
          </Link>
        </p>
      </section>
    );
  const category = codes?.categories.find((k) => k.code === legalAid.categoryOfLaw);
  const types = codes?.matterTypes.find((m) => m.category === legalAid.categoryOfLaw);
  const outcomes = codes?.outcomes.find((o) => o.category === legalAid.categoryOfLaw);
  const feeCodes = codes?.feeCodes.find((f) => f.category === legalAid.categoryOfLaw)?.feeCode;
  const categoryFee = feeCodes?.length === 1 ? `${labelIn(feeCodes, feeCodes[0].code)} (the category’s fee)` : null;
  return (
    <section aria-labelledby="legal-aid-heading">
      <h2 className="govuk-heading-m" id="legal-aid-heading">
        Legal aid
      </h2>
      <SummaryList
        stacked
        rows={[
          { key: 'Category of law', value: category?.label ?? legalAid.categoryOfLaw },
          { key: 'Unique File Number', value: legalAid.ufn ?? 'Erased' },
          {
            key: 'Matter types',
            value:
              [labelIn(types?.matterType1, legalAid.matterType1), labelIn(types?.matterType2, legalAid.matterType2)]
                .filter(Boolean)
                .join(' : ') || NOT,
          },
          { key: 'Stage reached', value: labelIn(outcomes?.stageReached, legalAid.stageReached) ?? NOT },
          { key: 'Outcome code', value: labelIn(outcomes?.outcome, legalAid.outcomeCode) ?? NOT },
          { key: 'Fee code', value: labelIn(feeCodes, legalAid.feeCode) ?? categoryFee ?? NOT },
          ...(legalAid.exemptionCriteria ? [{ key: 'Exemption', value: legalAid.exemptionCriteria }] : []),
          { key: 'Access point', value: legalAid.accessPoint ?? NOT },
          { key: 'Procurement area', value: legalAid.procurementArea ?? NOT },
          { key: 'Client’s full postcode', value: legalAid.clientPostcode ?? NOT },
          { key: 'Disbursements and counsel', value: claimAmounts(legalAid) },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/cases/${caseId}/legal-aid`}>
          Change legal aid details
        </Link>
      </p>
    </section>
  );
}

/** "£120.00 disbursements (VAT £24.00); counsel £300.00", or that none are recorded. */
function claimAmounts(l: LegalAid): string {
  const gbp = (n: number) => `£${n.toFixed(2)}`;
  const parts = [
    l.disbursementsGbp !== null ? `${gbp(l.disbursementsGbp)} disbursements` : null,
    l.disbursementsVatGbp !== null ? `VAT on disbursements ${gbp(l.disbursementsVatGbp)}` : null,
    l.counselCostsGbp !== null ? `counsel ${gbp(l.counselCostsGbp)}` : null,
  ].filter((p) => p !== null);
  return parts.length ? parts.join('; ') : 'None recorded';
}

/** "Gender: F — Female; Ethnicity: prefers not to say; …", or that nothing was asked yet. */
export function equalitySummary(equality: Equality | undefined, declined: Record<string, string> = {}): string {
  if (!equality || EQUALITY_QUESTIONS.every((q) => equality[q] === null)) return 'Not asked yet';
  return EQUALITY_QUESTIONS.map((q) => {
    const v = equality[q];
    const answer = v === null ? 'not asked' : v === declined[q] ? 'prefers not to say' : v;
    return `${q[0].toUpperCase()}${q.slice(1)}: ${answer}`;
  }).join('; ');
}

/** `caseId`: asked from that case's page, the form returns there. */
export function EqualityRow({
  clientId,
  equality,
  caseId,
}: {
  clientId: string;
  equality: Equality | undefined;
  caseId?: string;
}) {
  const codes = useLegalAidCodes().data;
  const declined = codes ? Object.fromEntries(EQUALITY_QUESTIONS.map((q) => [q, codes.equality[q].declinedCode])) : {};
  return (
    <>
      {equalitySummary(equality, declined)}{' '}
      <Link className="govuk-link" to={`/clients/${clientId}/equality${caseId ? `?case=${caseId}` : ''}`}>
        {equality && EQUALITY_QUESTIONS.some((q) => equality[q] !== null) ? 'Change' : 'Ask'}
        <span className="govuk-visually-hidden"> equality monitoring</span>
      </Link>
    </>
  );
}
