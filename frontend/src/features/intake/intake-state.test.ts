import { describe, expect, it } from 'vitest';
import { caseBody, clientBody, likelyDuplicates, newAnswers, stepsFor, validateStep } from './intake-state';

const client = {
  firstName: 'Ana',
  lastName: 'Ruiz',
  dateOfBirth: '1984-02-11',
  postcodeDistrict: 'e3 ',
  email: '',
  phone: '',
};

describe('intake', () => {
  it('asks the client questions only for a new client, and the duplicate question only when there are matches', () => {
    const answers = newAnswers();
    expect(stepsFor(answers)).toEqual([
      'client',
      'vulnerabilities',
      'consent',
      'conflict-check',
      'problem',
      'funding',
      'arrival',
      'prior-organisations',
      'told-story',
      'confidence',
      'check',
    ]);
    const withMatches = {
      ...answers,
      duplicates: [
        { id: 'x', ref: 'cl-1', firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: null, postcodeDistrict: null },
      ],
    };
    expect(stepsFor(withMatches)[1]).toBe('existing-client');
    expect(stepsFor({ ...answers, clientId: 'x' }).slice(0, 2)).toEqual(['conflict-check', 'problem']);
  });

  it('says what is missing on each page', () => {
    const a = newAnswers();
    expect(validateStep('client', a)[0].message).toBe('Enter the client’s first name or last name');
    expect(validateStep('vulnerabilities', a)[0].message).toBe('Select any vulnerabilities, or select “None of these”');
    expect(validateStep('vulnerabilities', { ...a, noVulnerabilities: true })).toEqual([]);
    expect(validateStep('arrival', { ...a, arrivalRoute: 'referred' })[0]).toEqual({
      path: 'referrer',
      message: 'Choose the organisation that referred the client',
    });
    expect(validateStep('prior-organisations', { ...a, priorOrganisationsContacted: 'two' })[0].message).toBe(
      'Enter a whole number from 0 to 100',
    );
    expect(validateStep('told-story', { ...a, timesToldStoryBefore: '0' })).toEqual([]);
    expect(validateStep('confidence', a)[0].path).toBe('confidenceAtIntake');
    expect(validateStep('confidence', { ...a, confidenceAtIntake: 'not_asked' })).toEqual([]);
    expect(validateStep('client', { ...a, client: { ...client, postcodeDistrict: 'E3 2AB' } })[0].message).toBe(
      'Enter only the first part of the postcode, like E3 or SW1A',
    );
  });

  it('finds clients who are likely the same person', () => {
    const candidates = [
      { id: '1', ref: 'a', firstName: 'Ana', lastName: 'RUIZ', dateOfBirth: null, postcodeDistrict: null },
      { id: '2', ref: 'b', firstName: 'Maria', lastName: 'Ruiz', dateOfBirth: '1984-02-11', postcodeDistrict: null },
      { id: '3', ref: 'c', firstName: 'Maria', lastName: 'Ruiz', dateOfBirth: '1990-01-01', postcodeDistrict: 'E3' },
      { id: '4', ref: 'd', firstName: 'Ana', lastName: 'Lopez', dateOfBirth: '1984-02-11', postcodeDistrict: null },
    ];
    expect(likelyDuplicates(client, candidates).map((c) => c.id)).toEqual(['1', '2']);
  });

  it('builds the API bodies from the answers', () => {
    const a = {
      ...newAnswers(),
      client,
      vulnerabilities: ['mental_health' as const],
      evidenceConsent: 'yes' as const,
      category: 'housing' as const,
      subcategory: ' possession ',
      fundingStream: 'grant' as const,
      arrivalRoute: 'referred' as const,
      referrer: { id: 'p1', name: 'Foodbank' },
      priorOrganisationsContacted: '2',
      timesToldStoryBefore: '3',
      confidenceAtIntake: '4' as const,
      openedOn: '2026-01-05',
      conflict: { result: 'conflict_can_proceed' as const, reason: ' Not the same person: different date of birth ' },
    };
    expect(clientBody(a)).toEqual({
      firstName: 'Ana',
      lastName: 'Ruiz',
      dateOfBirth: '1984-02-11',
      postcodeDistrict: 'E3',
      email: null,
      phone: null,
      vulnerabilities: ['mental_health'],
      evidenceConsent: true,
    });
    expect(caseBody(a, 'client-1')).toEqual({
      clientId: 'client-1',
      category: 'housing',
      subcategory: 'possession',
      openedOn: '2026-01-05',
      firstContactOn: null,
      fundingStream: 'grant',
      arrival: { route: 'referred', referrerPartnerId: 'p1' },
      priorOrganisationsContacted: 2,
      timesToldStoryBefore: 3,
      confidenceAtIntake: 4,
      officeId: null,
      conflictCheck: { result: 'conflict_can_proceed', reason: 'Not the same person: different date of birth' },
    });
    expect(
      caseBody({ ...a, conflict: { result: 'no_conflict', reason: 'typed, then changed my mind' } }, 'c').conflictCheck,
    ).toEqual({
      result: 'no_conflict',
      reason: null,
    });
    expect(caseBody({ ...a, confidenceAtIntake: 'not_asked' }, 'c').confidenceAtIntake).toBeNull();
  });

  it('asks for the conflict check result, and a reason when a conflict was found', () => {
    const a = newAnswers();
    expect(validateStep('conflict-check', a)).toEqual([
      { path: 'result', message: 'Select the result of the conflict check' },
    ]);
    expect(validateStep('conflict-check', { ...a, conflict: { result: 'cannot_act', reason: ' ' } })).toEqual([
      { path: 'reason', message: 'Say why you cannot act' },
    ]);
    expect(validateStep('conflict-check', { ...a, conflict: { result: 'no_conflict', reason: '' } })).toEqual([]);
  });

  it('sends a first contact only when it is before the case opened, and refuses one after', () => {
    const a = { ...newAnswers(), openedOn: '2026-01-05' };
    expect(caseBody({ ...a, firstContactOn: '2025-12-19' }, 'c').firstContactOn).toBe('2025-12-19');
    expect(caseBody({ ...a, firstContactOn: '2026-01-05' }, 'c').firstContactOn).toBeNull();
    expect(validateStep('case-details', { ...a, firstContactOn: '2025-12-19' })).toEqual([]);
    expect(validateStep('case-details', { ...a, firstContactOn: '2026-01-06' }).map((e) => e.path)).toEqual([
      'firstContactOn',
    ]);
  });
});
