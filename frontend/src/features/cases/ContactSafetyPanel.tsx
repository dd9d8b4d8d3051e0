/**
 * How the client may safely be contacted, shown wherever their contact details are: a channel
 * marked not safe (a letter or voicemail a violent partner could find) is the first thing read.
 */
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, type ContactChannel, type ContactSafety } from '@deepvalue/shared';
import { Link } from 'react-router';

const list = (channels: ContactChannel[]) => channels.map((c) => CONTACT_CHANNEL_LABELS[c]).join(', ');

export function adaptationsOf(s: ContactSafety): string[] {
  return [
    s.interpreterLanguage && `Interpreter: ${s.interpreterLanguage}`,
    s.bsl && 'British Sign Language interpreter',
    s.largePrint && 'Large print',
    s.otherAdaptations,
  ].filter((x): x is string => Boolean(x));
}

export function ContactSafetyPanel({ safety, clientId }: { safety: ContactSafety | undefined; clientId: string }) {
  if (!safety) return null;
  const unsafe = CONTACT_CHANNELS.filter((c) => safety.safeBy[c] === false);
  const safe = CONTACT_CHANNELS.filter((c) => safety.safeBy[c] === true);
  const adaptations = adaptationsOf(safety);
  const nothing = !unsafe.length && !safe.length && !safety.preferredChannel && !safety.note && !adaptations.length;
  return (
    <section className="dv-contact-safety" aria-label="Contact safety">
      {unsafe.length > 0 && (
        <div className="govuk-warning-text govuk-!-margin-bottom-2">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Not safe to contact by: {list(unsafe)}
          </strong>
        </div>
      )}
      {nothing ? (
        <p className="govuk-body">Contact safety not asked yet.</p>
      ) : (
        <ul className="govuk-list govuk-body-s">
          {safe.length > 0 && <li>Safe to contact by: {list(safe)}</li>}
          {safety.preferredChannel && <li>Prefers: {CONTACT_CHANNEL_LABELS[safety.preferredChannel]}</li>}
          {safety.note && <li style={{ whiteSpace: 'pre-wrap' }}>{safety.note}</li>}
          {adaptations.length > 0 && <li>Needs: {adaptations.join('; ')}</li>}
        </ul>
      )}
      <p className="govuk-body-s">
        <Link className="govuk-link" to={`/clients/${clientId}/contact-safety`}>
          {nothing ? 'Record contact safety' : 'Change contact safety'}
        </Link>
      </p>
    </section>
  );
}
