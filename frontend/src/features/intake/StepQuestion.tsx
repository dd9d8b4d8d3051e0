/** The question asked on each intake step, one per page. */
import { ARRIVAL_ROUTES, CATEGORIES, FUNDING_STREAMS, labelOf, VULNERABILITIES } from '@deepvalue/shared';
import { clientName, formatDate, today } from '../../app/format';
import { Checkboxes } from '../../ui/Checkboxes';
import { labelledOptions } from '../../ui/options';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { useOffices } from '../cases/api';
import { ClientDetailsFields } from '../cases/ClientDetailsFields';
import { PartnerPicker } from '../cases/PartnerPicker';
import { SubcategorySelect } from '../cases/SubcategorySelect';
import { ConflictCheckStep } from './ConflictCheckStep';
import { type IntakeAnswers, type StepKey } from './intake-state';
import { TITLES } from './intake-labels';

export function StepQuestion({
  step,
  answers,
  update,
  errorFor,
}: {
  step: StepKey;
  answers: IntakeAnswers;
  update: (patch: Partial<IntakeAnswers>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const offices = useOffices();
  switch (step) {
    case 'client':
      return (
        <>
          <h1 className="govuk-heading-l">{TITLES.client}</h1>
          <ClientDetailsFields
            values={answers.client}
            onChange={(client) => update({ client, clientId: null, existingClientName: null })}
            errorFor={errorFor}
            autoFocus
          />
        </>
      );
    case 'existing-client':
      return (
        <Radios
          id="existingClient"
          legend={TITLES['existing-client']}
          isPageHeading
          hint="These clients have a similar name or the same date of birth. Choose one to open a new case for them instead of recording the client twice."
          options={[
            ...answers.duplicates.map((c) => ({
              value: c.id,
              label: clientName(c),
              hint: [c.dateOfBirth && `Born ${formatDate(c.dateOfBirth)}`, c.postcodeDistrict, c.ref]
                .filter(Boolean)
                .join(' · '),
            })),
            { value: 'new', label: 'No, this is a new client' },
          ]}
          value={answers.confirmedNew ? 'new' : (answers.clientId ?? '')}
          onChange={(value) => {
            const chosen = answers.duplicates.find((c) => c.id === value);
            update(
              chosen
                ? { clientId: chosen.id, existingClientName: clientName(chosen), confirmedNew: false }
                : { clientId: null, existingClientName: null, confirmedNew: true },
            );
          }}
          autoFocus
        />
      );
    case 'vulnerabilities':
      return (
        <Checkboxes
          id="vulnerabilities"
          legend={TITLES.vulnerabilities}
          isPageHeading
          hint="Select all that apply. Ask only what the client is comfortable sharing."
          options={labelledOptions(VULNERABILITIES)}
          value={answers.vulnerabilities}
          onChange={(vulnerabilities) => update({ vulnerabilities })}
          noneLabel="None of these"
          none={answers.noVulnerabilities}
          onNoneChange={(noVulnerabilities) => update({ noVulnerabilities })}
          error={errorFor('vulnerabilities')}
          autoFocus
        />
      );
    case 'consent':
      return (
        <Radios
          id="evidenceConsent"
          legend="Does the client agree to their anonymised data being used in evidence for funders?"
          isPageHeading
          hint="Only counts and rates leave the organisation: never names, dates of birth or case notes. The client can change their mind at any time."
          options={[
            { value: 'yes', label: 'Yes, they agree' },
            { value: 'no', label: 'No, or not asked yet' },
          ]}
          value={answers.evidenceConsent}
          onChange={(evidenceConsent) => update({ evidenceConsent })}
          error={errorFor('evidenceConsent')}
          autoFocus
        />
      );
    case 'conflict-check':
      return <ConflictCheckStep answers={answers} update={update} errorFor={errorFor} />;
    case 'problem':
      return (
        <>
          <Radios
            id="category"
            legend={TITLES.problem}
            isPageHeading
            hint="The problem the client came to you with. You can record other problems you uncover later."
            options={labelledOptions(CATEGORIES)}
            value={answers.category}
            onChange={(category) => update({ category, subcategory: '' })}
            error={errorFor('category')}
            autoFocus
          />
          <SubcategorySelect
            category={answers.category}
            value={answers.subcategory}
            onChange={(subcategory) => update({ subcategory })}
            error={errorFor('subcategory')}
          />
        </>
      );
    case 'funding':
      return (
        <Radios
          id="fundingStream"
          legend={TITLES.funding}
          isPageHeading
          options={labelledOptions(FUNDING_STREAMS)}
          value={answers.fundingStream}
          onChange={(fundingStream) => update({ fundingStream })}
          error={errorFor('fundingStream')}
          autoFocus
        />
      );
    case 'arrival':
      return (
        <Radios
          id="arrivalRoute"
          legend={TITLES.arrival}
          isPageHeading
          options={ARRIVAL_ROUTES.map((value) => ({
            value,
            label: labelOf(value),
            conditional:
              value === 'referred' ? (
                <PartnerPicker
                  id="referrer"
                  legend="Which organisation referred them?"
                  value={answers.referrer}
                  onChange={(referrer) => update({ referrer })}
                  error={errorFor('referrer')}
                />
              ) : undefined,
          }))}
          value={answers.arrivalRoute}
          onChange={(arrivalRoute) => update({ arrivalRoute })}
          error={errorFor('arrivalRoute')}
          autoFocus
        />
      );
    case 'prior-organisations':
      return (
        <TextInput
          id="priorOrganisationsContacted"
          label="Before coming to you, how many other organisations had the client contacted about this problem?"
          isPageHeading
          hint="Enter 0 if you were the first. Count advice agencies, the council, MPs, helplines."
          inputMode="numeric"
          width={3}
          autoFocus
          value={answers.priorOrganisationsContacted}
          onChange={(e) => update({ priorOrganisationsContacted: e.target.value })}
          error={errorFor('priorOrganisationsContacted')}
        />
      );
    case 'told-story':
      return (
        <TextInput
          id="timesToldStoryBefore"
          label="How many times had the client told their story before reaching you?"
          isPageHeading
          hint="Their best estimate. Enter 0 if this is the first time."
          inputMode="numeric"
          width={3}
          autoFocus
          value={answers.timesToldStoryBefore}
          onChange={(e) => update({ timesToldStoryBefore: e.target.value })}
          error={errorFor('timesToldStoryBefore')}
        />
      );
    case 'confidence':
      return (
        <Radios
          id="confidenceAtIntake"
          legend={TITLES.confidence}
          isPageHeading
          hint="Ask the client, from 1 (not at all confident) to 5 (very confident). Asked again when the case closes, so the change can be seen."
          inline
          options={[
            ...['1', '2', '3', '4', '5'].map((value) => ({ value, label: value })),
            { value: 'not_asked', label: 'Not asked' },
          ]}
          value={answers.confidenceAtIntake}
          onChange={(value) => update({ confidenceAtIntake: value as IntakeAnswers['confidenceAtIntake'] })}
          error={errorFor('confidenceAtIntake')}
          autoFocus
        />
      );
    case 'case-details':
      return (
        <>
          <TextInput
            id="openedOn"
            label={TITLES['case-details']}
            isPageHeading
            hint="Usually today"
            type="date"
            max={today()}
            autoFocus
            value={answers.openedOn}
            onChange={(e) => update({ openedOn: e.target.value })}
            error={errorFor('openedOn')}
          />
          <TextInput
            id="firstContactOn"
            label="Date of the client’s first contact (optional)"
            hint="If they first got in touch about this problem before the case was opened. Time to first contact is counted from it."
            type="date"
            max={answers.openedOn || today()}
            value={answers.firstContactOn}
            onChange={(e) => update({ firstContactOn: e.target.value })}
            error={errorFor('firstContactOn')}
          />
          {offices.data && offices.data.length > 0 && (
            <Select
              id="officeId"
              label="Office (optional)"
              emptyLabel="Not recorded"
              options={offices.data.map((o) => ({ value: o.id, label: o.name }))}
              value={answers.officeId}
              onChange={(officeId) => update({ officeId })}
            />
          )}
        </>
      );
    default:
      return null;
  }
}
