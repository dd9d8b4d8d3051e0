import { describe, expect, it } from '@jest/globals';
import type { ImportCase, ImportDocument } from './import-format.js';
import { createValidationContext, formatError, validateCase, validateDocument, validateHeader } from './validate.js';

/** The example document of docs/interchange.md, extended with the optional parts. */
function exampleDocument(): ImportDocument {
  return {
    format: 'deepvalue.import.v1',
    organisation: { ref: 'org-1', name: 'Riverside Law Centre' },
    advisers: [
      { ref: 'a-1', name: 'Sam Okafor', email: 'sam@example.org', office: 'o-1' },
      { ref: 'a-2', name: 'Priya Patel' },
    ],
    offices: [{ ref: 'o-1', name: 'Stratford' }],
    partners: [{ ref: 'p-1', name: 'Riverside Foodbank', service: 'Emergency food' }],
    cases: [exampleCase('c-1'), exampleCase('c-2')],
  };
}

function exampleCase(ref: string): ImportCase {
  return {
    ref,
    client: {
      ref: 'cl-1',
      firstName: 'Ana',
      lastName: 'Ruiz',
      dateOfBirth: '1984-02-11',
      postcodeDistrict: 'E3',
      vulnerabilities: ['mental_health'],
      evidenceConsent: true,
    },
    category: 'housing',
    subcategory: 'possession',
    openedOn: '2025-01-06',
    closedOn: '2025-04-30',
    leadAdviserRef: 'a-1',
    officeRef: 'o-1',
    fundingStream: 'legal_aid_fixed_fee',
    arrival: { route: 'referred', referrerRef: 'p-1' },
    priorOrganisationsContacted: 2,
    timesToldStoryBefore: 3,
    timeEntries: [
      {
        on: '2025-01-06',
        adviserRef: 'a-1',
        minutes: 75,
        class: 'relationship',
        activity: 'initial_interview',
        mode: 'face_to_face',
      },
      { on: '2025-01-08', adviserRef: 'a-2', minutes: 30, class: 'casework', activity: 'letter', mode: 'letter_email' },
    ],
    feedback: [{ on: '2025-04-30', items: { time_to_listen: 5, respect: 5, trusted_adviser: 4 }, source: 'paper' }],
    adviserAssessment: { trust: 4, disclosure: 'partly' },
    underlyingProblems: [
      { category: 'debt', uncoveredOn: '2025-02-03', action: 'referred_warm', partnerRef: 'p-1', reachedSupport: true },
    ],
    referrals: [{ direction: 'out', partnerRef: 'p-1', on: '2025-02-03', kind: 'warm_handover', reachedSupport: null }],
    outcome: {
      result: 'positive',
      benefits: [
        { type: 'eviction_avoided', amountGbp: null },
        { type: 'benefit_awarded', amountGbp: 4123.4 },
      ],
      understood: 5,
      accepted: true,
      appeal: 'considered_not_pursued',
      confidenceBefore: 2,
      confidenceAfter: 4,
      wouldSeekAdviceEarlier: true,
      couldHandleSimilar: false,
    },
    followUps: [{ on: '2025-09-01', recontact: 'none', outcomeSustained: true }],
  };
}

/**
 * A deep copy of `value` with changes given by path, the same paths the validator reports
 * (`cases[0].timeEntries[1].minutes`); undefined deletes. Lets tests put values where the types forbid them.
 */
function changed(value: object, changes: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  for (const [path, replacement] of Object.entries(changes)) {
    const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    let node = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (replacement === undefined) delete node[last];
    else node[last] = replacement;
  }
  return copy;
}

function messagesAt(errors: { path: string; message: string }[], path: string): string[] {
  return errors.filter((e) => e.path === path).map((e) => e.message);
}

describe('validateDocument', () => {
  it('accepts the example document, with a client shared by two cases', () => {
    expect(validateDocument(exampleDocument())).toEqual([]);
  });

  it('accepts a case with only the required fields', () => {
    const minimal = {
      ref: 'c-9',
      client: { ref: 'cl-9' },
      category: 'debt',
      openedOn: '2025-03-03',
      leadAdviserRef: 'a-2',
      fundingStream: 'grant',
      arrival: { route: 'self' },
    };
    expect(validateDocument(changed(exampleDocument(), { cases: [minimal] }))).toEqual([]);
  });

  it('reports every error in the document with its exact path, not just the first', () => {
    const errors = validateDocument(
      changed(exampleDocument(), {
        'cases[0].category': 'housing_law',
        'cases[0].timeEntries[1].minutes': 0,
        'cases[0].closedOn': '2024-12-31',
        'cases[1].timeEntries[0].adviserRef': 'a-99',
        'cases[1].colour': 'blue',
        'cases[1].followUps[0].on': '2025-02-30',
        'cases[1].client.firstName': 'x'.repeat(1_000_000),
      }),
    );

    expect(errors).toEqual([
      {
        path: 'cases[0].category',
        message:
          'must be one of housing, welfare_benefits, debt, employment, immigration, community_care (got "housing_law")',
      },
      { path: 'cases[0].closedOn', message: 'must be on or after openedOn (2025-01-06)' },
      { path: 'cases[0].timeEntries[1].minutes', message: 'must be a positive integer' },
      { path: 'cases[1].colour', message: 'is not a known field' },
      { path: 'cases[1].client.firstName', message: 'must be at most 100 characters (it has 1000000)' },
      { path: 'cases[1].timeEntries[0].adviserRef', message: 'refers to "a-99", which is not among the advisers' },
      { path: 'cases[1].followUps[0].on', message: '2025-02-30 is not a real date' },
    ]);
    expect(formatError(errors[2])).toBe('cases[0].timeEntries[1].minutes: must be a positive integer');
  });

  it('says what is wrong with a missing or mistyped cases list', () => {
    expect(validateDocument(changed(exampleDocument(), { cases: undefined }))).toEqual([
      { path: 'cases', message: 'is required' },
    ]);
    expect(validateDocument(changed(exampleDocument(), { cases: {} }))).toEqual([
      { path: 'cases', message: 'must be a list' },
    ]);
  });

  it('rejects a document that is not an object', () => {
    expect(validateDocument([1, 2])).toEqual([{ path: '', message: 'must be an object' }]);
  });
});

describe('validateHeader', () => {
  it('rejects a wrong format, duplicate refs, upper-case or repeated emails and unknown office refs', () => {
    const header = changed(exampleDocument(), {
      cases: undefined,
      format: 'deepvalue.import.v2',
      'advisers[2]': { ref: 'a-1', name: 'Sam Again', email: 'Sam@Example.org', office: 'o-9' },
      'advisers[3]': { ref: 'a-3', name: '', email: 'sam@example.org' },
      'partners[0].service': 's'.repeat(501),
      'organisation.name': undefined,
    });

    expect(validateHeader(header)).toEqual([
      { path: 'format', message: 'must be "deepvalue.import.v1" (got "deepvalue.import.v2")' },
      { path: 'organisation.name', message: 'is required' },
      { path: 'advisers[2].ref', message: 'duplicates the ref of advisers[0]' },
      { path: 'advisers[2].email', message: 'must be an email address in lower case' },
      { path: 'advisers[2].office', message: 'refers to "o-9", which is not among the offices' },
      { path: 'advisers[3].name', message: 'must not be empty' },
      { path: 'advisers[3].email', message: 'duplicates the email of advisers[0]' },
      { path: 'partners[0].service', message: 'must be at most 500 characters (it has 501)' },
    ]);
  });

  it('requires the format, advisers and partners but not offices', () => {
    expect(validateHeader({ organisation: { ref: 'o', name: 'O' } })).toEqual([
      { path: 'format', message: 'is required: "deepvalue.import.v1"' },
      { path: 'advisers', message: 'is required' },
      { path: 'partners', message: 'is required' },
    ]);
  });

  it('allows the cases key of a JSON document but no other unknown key', () => {
    expect(validateHeader(changed(exampleDocument(), { version: 2 }))).toEqual([
      { path: 'version', message: 'is not a known field' },
    ]);
  });
});

describe('validateCase', () => {
  const header = (changes: Record<string, unknown> = {}) =>
    changed(exampleDocument(), { ...changes, cases: undefined });
  /** Validates the example's first case with changes given relative to the case. */
  const check = (changes: Record<string, unknown>) =>
    validateCase(changed(exampleCase('c-1'), changes), 0, createValidationContext(header()));

  it('checks notes, key dates, parties and contact safety, naming the field', () => {
    const good = {
      notes: [
        {
          kind: 'attendance',
          on: '2025-01-06',
          authorRef: 'a-1',
          writtenAt: '2025-01-06T10:15:00Z',
          body: 'Advice given',
          timeEntryIndex: 1,
        },
      ],
      keyDates: [{ kind: 'limitation', title: 'Claim limitation', dueOn: '2030-05-01', assigneeRef: 'a-2' }],
      parties: [
        { role: 'opponent', opponentType: 'landlord', kind: 'organisation', name: 'Riverside Homes' },
        { role: 'third_party', kind: 'person', name: 'Jo Ruiz', passPhrase: 'blue kettle', dateOfBirth: '1960-03-01' },
      ],
      'client.contactSafety': { safeBy: { phone: false, letter: true }, preferredChannel: 'letter', bsl: true },
    };
    expect(check(good)).toEqual([]);
    const errors = check({
      ...good,
      'notes[0].timeEntryIndex': 2,
      'notes[0].writtenAt': '6 January',
      'notes[0].authorRef': 'a-9',
      'keyDates[0].kind': 'reminder',
      'keyDates[0].dueOn': '2030-02-30',
      'parties[0].passPhrase': 'x',
      'parties[0].dateOfBirth': '1960-01-01',
      'parties[1].opponentType': 'dwp',
      'client.contactSafety': { safeBy: { phone: false, fax: true }, preferredChannel: 'phone' },
    });
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        'cases[0].notes[0].timeEntryIndex',
        'cases[0].notes[0].writtenAt',
        'cases[0].notes[0].authorRef',
        'cases[0].keyDates[0].kind',
        'cases[0].keyDates[0].dueOn',
        'cases[0].parties[0].passPhrase',
        'cases[0].parties[0].dateOfBirth',
        'cases[0].parties[1].opponentType',
        'cases[0].client.contactSafety.safeBy.fax',
        'cases[0].client.contactSafety.preferredChannel',
      ].sort(),
    );
    expect(messagesAt(errors, 'cases[0].notes[0].timeEntryIndex')).toEqual([
      "must be the position of one of this case's 2 time entries, from 0 to 1",
    ]);
    expect(messagesAt(check({ ...good, timeEntries: [] }), 'cases[0].notes[0].timeEntryIndex')).toEqual([
      'must be left out: this case has no time entries',
    ]);
  });

  it('checks minutes are whole, positive and at most a day', () => {
    const at = 'cases[0].timeEntries[0].minutes';
    const minutes = (value: unknown) => messagesAt(check({ 'timeEntries[0].minutes': value }), at);
    expect(minutes(1.5)).toEqual(['must be a positive integer']);
    expect(minutes('75')).toEqual(['must be a positive integer']);
    expect(minutes(-5)).toEqual(['must be a positive integer']);
    expect(minutes(1441)).toEqual(['must be at most 1440 (one whole day)']);
    expect(minutes(1440)).toEqual([]);
    expect(minutes(undefined)).toEqual(['is required']);
  });

  it('checks 1–5 scores everywhere they occur', () => {
    const errors = check({
      'adviserAssessment.trust': 0,
      confidenceAtIntake: 0,
      'outcome.understood': 6,
      'outcome.confidenceAfter': 4.5,
      'feedback[0].items.respect': 7,
    });
    expect(errors.map((e) => e.path)).toEqual([
      'cases[0].confidenceAtIntake',
      'cases[0].feedback[0].items.respect',
      'cases[0].adviserAssessment.trust',
      'cases[0].outcome.understood',
      'cases[0].outcome.confidenceAfter',
    ]);
    expect(new Set(errors.map((e) => e.message))).toEqual(new Set(['must be a whole number from 1 to 5']));
  });

  it('accepts only real ISO dates within the schema bounds', () => {
    const birth = (value: string) => check({ 'client.dateOfBirth': value });
    expect(birth('2024-02-29')).toEqual([]);
    expect(birth('2023-02-29')).toEqual([
      { path: 'cases[0].client.dateOfBirth', message: '2023-02-29 is not a real date' },
    ]);
    expect(birth('11/02/1984')).toEqual([
      { path: 'cases[0].client.dateOfBirth', message: 'must be a date written YYYY-MM-DD (got "11/02/1984")' },
    ]);
    expect(birth('1899-12-31')).toEqual([
      { path: 'cases[0].client.dateOfBirth', message: 'must be on or after 1900-01-01' },
    ]);
    expect(messagesAt(check({ openedOn: '1989-12-31' }), 'cases[0].openedOn')).toEqual([
      'must be on or after 1990-01-01',
    ]);
    expect(check({ 'timeEntries[0].on': '2025-13-01' })).toEqual([
      { path: 'cases[0].timeEntries[0].on', message: '2025-13-01 is not a real date' },
    ]);
  });

  it('accepts postcode districts such as E3, SW1A and M1 and rejects anything else', () => {
    for (const district of ['E3', 'SW1A', 'M1', 'EC1V', 'B5']) {
      expect(check({ 'client.postcodeDistrict': district })).toEqual([]);
    }
    for (const district of ['e3', 'SW1A 1AA', 'E', '3E', 'ABC1', '']) {
      expect(messagesAt(check({ 'client.postcodeDistrict': district }), 'cases[0].client.postcodeDistrict')).toEqual([
        'must be a postcode district such as E3, SW1A or M1 (capital letters, no space)',
      ]);
    }
  });

  it('needs a referrer for a referred arrival and none for a self arrival', () => {
    expect(check({ arrival: { route: 'referred' } })).toEqual([
      { path: 'cases[0].arrival.referrerRef', message: 'is required when route is "referred"' },
    ]);
    expect(check({ arrival: { route: 'self', referrerRef: 'p-1' } })).toEqual([
      { path: 'cases[0].arrival.referrerRef', message: 'must be left out when route is "self"' },
    ]);
    expect(check({ arrival: { route: 'referred', referrerRef: 'p-7' } })).toEqual([
      { path: 'cases[0].arrival.referrerRef', message: 'refers to "p-7", which is not among the partners' },
    ]);
  });

  it('accepts reachedSupport only as true, false or null', () => {
    expect(check({ 'underlyingProblems[0].reachedSupport': null })).toEqual([]);
    expect(check({ 'referrals[0].reachedSupport': 'yes' })).toEqual([
      { path: 'cases[0].referrals[0].reachedSupport', message: 'must be true, false or null' },
    ]);
  });

  it('accepts a first contact on or before the case was opened, and no later', () => {
    expect(check({ firstContactOn: '2025-01-06' })).toEqual([]);
    expect(check({ firstContactOn: '2024-12-20' })).toEqual([]);
    expect(messagesAt(check({ firstContactOn: '2025-01-07' }), 'cases[0].firstContactOn')).toEqual([
      'must be on or before openedOn (2025-01-06)',
    ]);
    expect(messagesAt(check({ firstContactOn: '2025-02-30' }), 'cases[0].firstContactOn')).toHaveLength(1);
  });

  it('accepts a reason an appeal was not pursued only when it fits the appeal status and the acceptance', () => {
    const at = 'cases[0].outcome.appealNotPursuedReason';
    expect(check({ 'outcome.appealNotPursuedReason': 'accepted_outcome' })).toEqual([]);
    expect(check({ 'outcome.appealNotPursuedReason': 'out_of_time', 'outcome.accepted': false })).toEqual([]);
    expect(messagesAt(check({ 'outcome.appealNotPursuedReason': 'bored' }), at)).toEqual([
      expect.stringMatching(/^must be one of accepted_outcome, no_merit_advised/),
    ]);
    expect(
      messagesAt(check({ 'outcome.appealNotPursuedReason': 'out_of_time', 'outcome.appeal': 'lodged' }), at),
    ).toEqual([expect.stringMatching(/^is only recorded when an appeal was considered and not pursued/)]);
    expect(
      messagesAt(check({ 'outcome.appealNotPursuedReason': 'accepted_outcome', 'outcome.accepted': false }), at),
    ).toEqual([expect.stringMatching(/^cannot be accepted_outcome when the client did not accept/)]);
  });

  it('checks benefit amounts fit numeric(12, 2)', () => {
    const at = 'cases[0].outcome.benefits[1].amountGbp';
    expect(check({ 'outcome.benefits[1].amountGbp': 0.1 + 0.2 })).toEqual([]);
    for (const bad of [-1, 10.005, 10_000_000, '100']) {
      expect(messagesAt(check({ 'outcome.benefits[1].amountGbp': bad }), at)).toEqual([
        'must be an amount in pounds from 0 to 9999999.99 with at most 2 decimal places, or null',
      ]);
    }
  });

  it('rejects unknown fields at any depth and names them', () => {
    const errors = check({
      'client.nino': 'QQ123456C',
      'timeEntries[1].billable': true,
      'outcome.benefits[0].currency': 'GBP',
    });
    expect(errors).toEqual([
      { path: 'cases[0].client.nino', message: 'is not a known field' },
      { path: 'cases[0].timeEntries[1].billable', message: 'is not a known field' },
      { path: 'cases[0].outcome.benefits[0].currency', message: 'is not a known field' },
    ]);
  });

  it('names the allowed values of every enumeration it rejects', () => {
    const errors = check({
      'timeEntries[0].class': 'billing',
      'timeEntries[0].mode': 'carrier_pigeon',
      'followUps[0].recontact': 'maybe',
      'client.vulnerabilities': ['mental_health', 'homeless', 'mental_health'],
    });
    expect(errors).toEqual([
      {
        path: 'cases[0].client.vulnerabilities[1]',
        message:
          'must be one of mental_health, disability, language_need, digital_exclusion, domestic_abuse, care_leaver (got "homeless")',
      },
      { path: 'cases[0].client.vulnerabilities[2]', message: 'lists "mental_health" more than once' },
      {
        path: 'cases[0].timeEntries[0].class',
        message: 'must be one of relationship, casework, administration, travel (got "billing")',
      },
      {
        path: 'cases[0].timeEntries[0].mode',
        message:
          'must be one of face_to_face, phone, video, home_visit, letter_email, hearing, none (got "carrier_pigeon")',
      },
      {
        path: 'cases[0].followUps[0].recontact',
        message: 'must be one of none, same_problem, new_problem (got "maybe")',
      },
    ]);
  });

  it('refuses relationship time with no contact with the client, on the mode', () => {
    const errors = check({ 'timeEntries[0].class': 'relationship', 'timeEntries[0].mode': 'none' });
    expect(errors).toEqual([
      {
        path: 'cases[0].timeEntries[0].mode',
        message: 'relationship time needs contact with the client: choose how the client took part',
      },
    ]);
  });

  it('reports wrong types instead of throwing', () => {
    const errors = check({
      timeEntries: 'lots',
      feedback: [null, { on: '2025-01-01', items: [5] }],
      outcome: 'positive',
      'client.evidenceConsent': 'yes',
    });
    expect(errors).toEqual([
      { path: 'cases[0].client.evidenceConsent', message: 'must be true, false or null' },
      { path: 'cases[0].timeEntries', message: 'must be a list' },
      { path: 'cases[0].feedback[0]', message: 'must be an object' },
      { path: 'cases[0].feedback[1].items', message: 'must be an object of item → score, e.g. {"time_to_listen": 5}' },
      { path: 'cases[0].outcome', message: 'must be an object' },
    ]);
  });

  it('keeps messages short and rejects NUL characters the database cannot store', () => {
    const errors = check({ category: 'h'.repeat(100_000), subcategory: 'posse\u0000ssion' });
    expect(errors.map((e) => e.path)).toEqual(['cases[0].category', 'cases[0].subcategory']);
    expect(errors[0].message.length).toBeLessThan(200);
    expect(errors[1].message).toBe('must not contain a NUL character');
  });

  it('checks feedback item keys against the header when it lists them', () => {
    const items = [{ key: 'time_to_listen', label: 'Had time to listen to me' }];
    const context = createValidationContext(header({ feedbackItems: items }));
    expect(validateCase(exampleCase('c-1'), 0, context)).toEqual([
      { path: 'cases[0].feedback[0].items.respect', message: 'is not a feedback item (expected time_to_listen)' },
      {
        path: 'cases[0].feedback[0].items.trusted_adviser',
        message: 'is not a feedback item (expected time_to_listen)',
      },
    ]);
    expect(check({ 'feedback[0].items': { 'Time To Listen': 4 } })).toEqual([
      {
        path: 'cases[0].feedback[0].items.Time To Listen',
        message: 'is not a feedback item (expected lower-case keys such as time_to_listen)',
      },
    ]);
  });
});

describe('validateCase across a document', () => {
  it('reports a duplicate case ref and a client ref reused with different personal details', () => {
    const document = changed(exampleDocument(), {
      'cases[2]': changed(exampleCase('c-1'), { 'client.dateOfBirth': '1985-02-11' }),
      'cases[3]': exampleCase('c-4'),
    });
    expect(validateDocument(document)).toEqual([
      { path: 'cases[2].ref', message: 'duplicates the ref of cases[0]' },
      {
        path: 'cases[2].client',
        message: 'client "cl-1" has different personal details in cases[0]; they must be the same in every case',
      },
    ]);
  });

  it('treats a missing optional client field like null, and vulnerability order as irrelevant', () => {
    const document = changed(exampleDocument(), {
      'cases[0].client.vulnerabilities': ['mental_health', 'disability'],
      'cases[0].client.email': null,
      'cases[1].client.vulnerabilities': ['disability', 'mental_health'],
    });
    expect(validateDocument(document)).toEqual([]);
  });

  it('builds a context even from a broken header so that cases are still checked', () => {
    const context = createValidationContext({ advisers: [{ ref: 'a-1' }, 'junk'], partners: null });
    expect(context.advisers).toEqual(new Set(['a-1']));
    expect(validateCase(exampleCase('c-1'), 0, context).map((e) => e.path)).toEqual([
      'cases[0].officeRef',
      'cases[0].arrival.referrerRef',
      'cases[0].timeEntries[1].adviserRef',
      'cases[0].underlyingProblems[0].partnerRef',
      'cases[0].referrals[0].partnerRef',
    ]);
  });
});
