/** Record how the client may safely be contacted and the adaptations they need (PATCH /clients/:id contactSafety). */
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, type ContactChannel } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiRequestError } from '../../app/api';
import { flash } from '../../app/flash';
import { clientName } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { BackLink } from '../../ui/BackLink';
import { Checkboxes } from '../../ui/Checkboxes';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { useClient } from './api';
import type { ContactSafety } from '@deepvalue/shared';
import type { Client } from '@deepvalue/shared';

type Answer = 'safe' | 'unsafe' | 'unknown';
const ANSWERS = [
  { value: 'safe', label: 'Safe' },
  { value: 'unsafe', label: 'Not safe' },
  { value: 'unknown', label: 'Not asked' },
] as const satisfies ReadonlyArray<{ value: Answer; label: string }>;

const toAnswer = (v: boolean | null | undefined): Answer => (v === true ? 'safe' : v === false ? 'unsafe' : 'unknown');
const fromAnswer = (a: Answer) => (a === 'safe' ? true : a === 'unsafe' ? false : null);

export function ContactSafetyPage() {
  const { clientId = '' } = useParams();
  const query = useClient(clientId);
  usePageTitle('Contact safety');
  return (
    <QueryState query={query} what="The client">
      {(client) => <ContactSafetyForm client={client as Client & { contactSafety: ContactSafety }} />}
    </QueryState>
  );
}

function ContactSafetyForm({ client }: { client: Client & { contactSafety: ContactSafety } }) {
  const s = client.contactSafety;
  const [safeBy, setSafeBy] = useState<Record<ContactChannel, Answer>>(
    Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, toAnswer(s.safeBy[c])])) as Record<ContactChannel, Answer>,
  );
  const [preferred, setPreferred] = useState<string>(s.preferredChannel ?? '');
  const [note, setNote] = useState(s.note ?? '');
  const [language, setLanguage] = useState(s.interpreterLanguage ?? '');
  const [needs, setNeeds] = useState<Array<'bsl' | 'largePrint'>>([
    ...(s.bsl ? (['bsl'] as const) : []),
    ...(s.largePrint ? (['largePrint'] as const) : []),
  ]);
  const [other, setOther] = useState(s.otherAdaptations ?? '');
  const [errors, setErrors] = useState<Array<{ path: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (preferred && safeBy[preferred as ContactChannel] === 'unsafe') {
      setErrors([{ path: 'preferredChannel', message: 'The preferred way is marked not safe: choose another' }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      await api(`/clients/${client.id}`, {
        method: 'PATCH',
        body: {
          version: client.version,
          contactSafety: {
            safeBy: Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, fromAnswer(safeBy[c])])),
            preferredChannel: preferred || null,
            note: note.trim() || null,
            interpreterLanguage: language.trim() || null,
            bsl: needs.includes('bsl'),
            largePrint: needs.includes('largePrint'),
            otherAdaptations: other.trim() || null,
          },
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['client', client.id] });
      await queryClient.invalidateQueries({ queryKey: ['case'] });
      navigate(`/clients/${client.id}`, flash('Contact safety saved'));
    } catch (e) {
      if (e instanceof ApiRequestError && e.isStale) {
        await queryClient.invalidateQueries({ queryKey: ['client', client.id] });
        setErrors([{ path: '', message: 'Someone else changed this client. Reload the page and try again.' }]);
      } else if (e instanceof ApiRequestError) {
        setErrors(e.errors.map((x) => ({ ...x, path: x.path.replace(/^contactSafety\.(safeBy\.)?/, '') })));
      } else setErrors([{ path: '', message: String(e) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to={`/clients/${client.id}`} />
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{clientName(client)}</span>
      <h1 className="govuk-heading-l">Contact safety</h1>
      <form noValidate className="govuk-!-width-two-thirds" onSubmit={(e) => void submit(e)}>
        <p className="govuk-body">
          Ask the client, alone, which ways of reaching them are safe. A letter, text or voicemail seen by someone else
          can put a client at risk.
        </p>
        {CONTACT_CHANNELS.map((c) => (
          <Radios
            key={c}
            id={c}
            legend={CONTACT_CHANNEL_LABELS[c]}
            legendSize="s"
            small
            inline
            options={ANSWERS}
            value={safeBy[c]}
            error={errorFor(c)}
            onChange={(v) => setSafeBy((old) => ({ ...old, [c]: v }))}
          />
        ))}
        <Select
          id="preferredChannel"
          label="Preferred way to be contacted"
          emptyLabel="No preference"
          options={CONTACT_CHANNELS.filter((c) => safeBy[c] !== 'unsafe').map((c) => ({
            value: c,
            label: CONTACT_CHANNEL_LABELS[c],
          }))}
          value={preferred}
          error={errorFor('preferredChannel')}
          onChange={setPreferred}
        />
        <Textarea
          id="note"
          label="Contact preferences (optional)"
          hint="For example: only after 3pm; do not leave messages with family"
          rows={3}
          value={note}
          error={errorFor('note')}
          onChange={(e) => setNote(e.target.value)}
        />
        <h2 className="govuk-heading-m">Adaptations</h2>
        <TextInput
          id="interpreterLanguage"
          label="Interpreter needed: language (optional)"
          hint="Leave empty if no interpreter is needed"
          width={20}
          value={language}
          error={errorFor('interpreterLanguage')}
          onChange={(e) => setLanguage(e.target.value)}
        />
        <Checkboxes
          id="needs"
          legend="Other needs"
          legendSize="s"
          small
          options={[
            { value: 'bsl', label: 'British Sign Language interpreter' },
            { value: 'largePrint', label: 'Large print' },
          ]}
          value={needs}
          onChange={setNeeds}
        />
        <TextInput
          id="otherAdaptations"
          label="Any other adaptation (optional)"
          value={other}
          error={errorFor('otherAdaptations')}
          onChange={(e) => setOther(e.target.value)}
        />
        <button type="submit" className="govuk-button" disabled={busy}>
          Save contact safety
        </button>
      </form>
    </>
  );
}
