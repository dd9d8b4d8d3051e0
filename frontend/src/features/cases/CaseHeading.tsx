import { labelOf } from '@deepvalue/shared';
import { clientName } from '../../app/format';
import { Tag } from '../../ui/Tag';
import type { CaseRecord, ClientSummary } from '@deepvalue/shared';

/** Caption + heading used by every page about one case: "RLC-0042 · Housing" / "Ana Ruiz". */
export function CaseHeading({
  caseRecord,
  client,
  title,
}: {
  caseRecord: Pick<CaseRecord, 'ref' | 'category' | 'closedOn'>;
  client?: Pick<ClientSummary, 'firstName' | 'lastName'> | null;
  /** A page heading other than the client's name ("Record time"). */
  title?: string;
}) {
  return (
    <>
      <span className="govuk-caption-l">
        {title ? `${clientName(client)} · ` : ''}
        {caseRecord.ref} · {labelOf(caseRecord.category)}
      </span>
      <h1 className="govuk-heading-l">
        {title ?? clientName(client)}{' '}
        {!title && (
          <span className="dv-heading-tag">
            {caseRecord.closedOn ? <Tag colour="grey">Closed</Tag> : <Tag colour="green">Open</Tag>}
          </span>
        )}
      </h1>
    </>
  );
}
