import type { Client } from '@deepvalue/shared';
import { Link } from 'react-router';
import { clientName, formatDate } from '../../app/format';

/** Clients a search found, each a link (to `linkTo(client)`) with their date of birth, district and reference. */
export function ClientResultList({
  clients,
  linkTo,
  label,
}: {
  clients: Client[];
  linkTo: (client: Client) => string;
  label?: string;
}) {
  return (
    <ul className="govuk-list dv-result-list" aria-label={label}>
      {clients.map((client) => (
        <li key={client.id}>
          <Link className="govuk-link govuk-!-font-weight-bold" to={linkTo(client)}>
            {client.erasedAt ? `Erased client ${client.ref}` : clientName(client)}
          </Link>
          <span className="dv-muted">
            {' '}
            {[client.dateOfBirth && `born ${formatDate(client.dateOfBirth)}`, client.postcodeDistrict, client.ref]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
