/**
 * Fixed lists and case-mix figures behind the generated law centre. The figures are plausible, not
 * sourced: they give reports something real-looking to show, and tests pin only the direction of
 * the planted effects (generator-case.ts), never these exact numbers.
 */
import type { BenefitType, Category, FundingStream } from '@deepvalue/shared';

// prettier-ignore
export const FIRST_NAMES = [
  'Ana', 'Sam', 'Aisha', 'Tom', 'Fatima', 'Daniel', 'Grace', 'Mohammed', 'Chloe', 'Kwame', 'Priya', 'Liam',
  'Zainab', 'Oliver', 'Amira', 'Jack', 'Sofia', 'Ibrahim', 'Emily', 'Tariq', 'Hannah', 'Chen', 'Maria', 'Joseph',
  'Blessing', 'Ryan', 'Leila', 'David', 'Nadia', 'Kofi', 'Ewa', 'Michael', 'Yasmin', 'Connor', 'Abdi', 'Ruth',
  'Marcus', 'Shanice', 'Tomasz', 'Farah', 'George', 'Precious', 'Ravi', 'Sarah', 'Hassan', 'Olga', 'Patrick', 'Mei',
];

// prettier-ignore
export const LAST_NAMES = [
  'Ruiz', 'Okafor', 'Khan', 'Smith', 'Begum', 'Jones', 'Mensah', 'Patel', 'Williams', 'Ali', 'Brown', 'Nowak',
  'Hussain', 'Taylor', 'Adeyemi', 'Murphy', 'Chowdhury', 'Davies', 'Osei', 'Evans', 'Rahman', 'Kowalski', 'Wilson',
  'Mohamed', 'Thomas', 'Ahmed', 'Roberts', 'Singh', 'Johnson', 'Uddin', 'Walker', 'Farah', 'Wright', 'Islam', 'Green',
  'Boateng', 'Hall', 'Yilmaz', 'Clarke', 'Ibrahim', 'Lewis', 'Santos', 'Hughes', 'Nguyen', 'Edwards', "O'Brien",
];

/** Office areas with the postcode districts their clients live in. */
export const AREAS: ReadonlyArray<{ name: string; districts: readonly string[] }> = [
  { name: 'Stratford', districts: ['E15', 'E20', 'E7', 'E13'] },
  { name: 'Bow', districts: ['E3', 'E2', 'E1', 'E14'] },
  { name: 'Canning Town', districts: ['E16', 'E13', 'E6', 'E14'] },
  { name: 'Walthamstow', districts: ['E17', 'E10', 'E11', 'E4'] },
  { name: 'Ilford', districts: ['IG1', 'IG2', 'IG3', 'RM6'] },
  { name: 'Hackney', districts: ['E8', 'E9', 'E5', 'N16'] },
];

/** Clients from outside the area (moved away, referred from elsewhere). */
export const OTHER_DISTRICTS = ['N1', 'N17', 'SE15', 'SW9', 'W12', 'NW10', 'CR0', 'EC1V', 'WC1X', 'SW1A', 'M1', 'B5'];

/** The referral network; `serves` says where underlying problems go, `refers` which cases come from it. */
export interface PartnerTemplate {
  name: string;
  service: string;
  serves: readonly Category[];
  refers: readonly Category[];
}

export const PARTNERS: readonly PartnerTemplate[] = [
  { name: '{place} Foodbank', service: 'Emergency food parcels', serves: [], refers: ['welfare_benefits', 'debt'] },
  {
    name: 'Citizens Advice {place}',
    service: 'General advice',
    serves: ['welfare_benefits', 'debt'],
    refers: ['housing', 'employment', 'immigration'],
  },
  {
    name: '{place} Council Housing Options',
    service: 'Homelessness assessments and housing register',
    serves: ['housing'],
    refers: ['housing'],
  },
  {
    name: '{place} Money Advice',
    service: 'Debt advice and debt relief orders',
    serves: ['debt'],
    refers: ['debt', 'housing'],
  },
  {
    name: '{place} Community Mental Health Team',
    service: 'Secondary mental health care',
    serves: ['community_care'],
    refers: ['welfare_benefits', 'community_care', 'housing'],
  },
  {
    name: "{place} Women's Aid",
    service: 'Domestic abuse support and refuge',
    serves: ['housing'],
    refers: ['housing', 'immigration'],
  },
  {
    name: '{place} Refugee and Migrant Forum',
    service: 'Support for refugees and migrants',
    serves: ['immigration'],
    refers: ['immigration', 'welfare_benefits'],
  },
  {
    name: '{place} Adult Social Care',
    service: 'Care assessments and packages',
    serves: ['community_care'],
    refers: ['community_care'],
  },
  {
    name: '{place} Jobcentre Plus',
    service: 'Work coaches and benefit claims',
    serves: ['welfare_benefits', 'employment'],
    refers: ['welfare_benefits'],
  },
  {
    name: 'Age Concern {place}',
    service: 'Older people’s advice and befriending',
    serves: ['community_care', 'welfare_benefits'],
    refers: ['welfare_benefits', 'community_care'],
  },
  {
    name: "{place} Tenants' Union",
    service: 'Tenant organising and repairs campaigns',
    serves: ['housing'],
    refers: ['housing'],
  },
  {
    name: '{place} GP Federation',
    service: 'Social prescribing link workers',
    serves: [],
    refers: ['welfare_benefits', 'housing', 'community_care', 'debt'],
  },
  {
    name: '{place} Employment Rights Clinic',
    service: 'Employment advice and tribunal representation',
    serves: ['employment'],
    refers: ['employment'],
  },
  {
    name: '{place} Carers Centre',
    service: 'Support for unpaid carers',
    serves: ['community_care', 'welfare_benefits'],
    refers: ['community_care'],
  },
];

export interface Subcategory {
  name: string;
  weight: number;
  /** Multiplies the case's need for time. */
  complexity: number;
  /** Chance the case goes to a hearing or tribunal. */
  hearing: number;
}

export interface CategoryModel {
  complexity: number;
  /** Median days from open to close before complexity. */
  durationDays: number;
  /** Casework minutes per relationship minute. */
  caseworkRatio: number;
  subcategories: readonly Subcategory[];
  /** Where the underlying problems of such a case tend to lie (weights over CATEGORIES order). */
  underlying: readonly number[];
  funding: Readonly<Record<FundingStream, number>>;
  benefits: readonly BenefitType[];
}

const sub = (name: string, weight: number, complexity: number, hearing: number): Subcategory => ({
  name,
  weight,
  complexity,
  hearing,
});
const funding = (legalAid: number, grant: number, proBono: number, other: number): Record<FundingStream, number> => ({
  legal_aid_fixed_fee: legalAid,
  legal_aid_escape: 0, // decided from the time a case needs (generator-case.ts)
  grant,
  pro_bono: proBono,
  other,
});

// Complex categories (immigration, community care) and housing possession take longer (docs/measures.md: fixed fee against need).
export const CATEGORY_MODELS: Readonly<Record<Category, CategoryModel>> = {
  housing: {
    complexity: 1.0,
    durationDays: 60,
    caseworkRatio: 1.1,
    subcategories: [
      sub('possession', 40, 1.45, 0.35),
      sub('disrepair', 20, 1.05, 0.1),
      sub('homelessness', 20, 1.25, 0.05),
      sub('allocation', 10, 0.85, 0),
      sub('tenancy_deposit', 10, 0.7, 0.05),
    ],
    underlying: [0, 4, 5, 1, 0.3, 1.2],
    funding: funding(70, 20, 5, 5),
    benefits: ['eviction_avoided', 'home_kept'],
  },
  welfare_benefits: {
    complexity: 0.9,
    durationDays: 85,
    caseworkRatio: 0.9,
    subcategories: [
      sub('pip', 35, 1.1, 0.4),
      sub('universal_credit', 25, 0.9, 0.1),
      sub('esa_wca', 15, 1.1, 0.35),
      sub('sanction', 15, 0.8, 0.05),
      sub('overpayment', 10, 0.8, 0.1),
    ],
    underlying: [3, 0, 5, 1, 0.3, 1.5],
    funding: funding(15, 70, 10, 5),
    benefits: ['benefit_awarded', 'benefit_reinstated'],
  },
  debt: {
    complexity: 0.8,
    durationDays: 50,
    caseworkRatio: 1.0,
    subcategories: [
      sub('priority_debt', 35, 1.0, 0.05),
      sub('council_tax', 20, 0.8, 0.05),
      sub('consumer_credit', 20, 0.8, 0),
      sub('bailiffs', 15, 0.9, 0),
      sub('insolvency', 10, 1.2, 0.1),
    ],
    underlying: [4, 5, 0, 1, 0.2, 0.8],
    funding: funding(35, 55, 5, 5),
    benefits: ['debt_written_off', 'debt_made_manageable'],
  },
  employment: {
    complexity: 0.9,
    durationDays: 70,
    caseworkRatio: 1.2,
    subcategories: [
      sub('unfair_dismissal', 35, 1.2, 0.3),
      sub('unpaid_wages', 30, 0.8, 0.1),
      sub('discrimination', 20, 1.3, 0.3),
      sub('redundancy', 15, 0.9, 0.05),
    ],
    underlying: [2, 5, 4, 0, 0.5, 0.5],
    funding: funding(5, 45, 40, 10),
    benefits: ['employment_kept', 'other'],
  },
  immigration: {
    complexity: 1.5,
    durationDays: 140,
    caseworkRatio: 1.4,
    subcategories: [
      sub('leave_to_remain', 35, 1.1, 0.3),
      sub('asylum_support', 25, 1.2, 0.35),
      sub('family_reunion', 20, 1.0, 0.15),
      sub('eu_settlement', 20, 0.8, 0.1),
    ],
    underlying: [5, 4, 2, 1.5, 0, 2],
    funding: funding(55, 25, 15, 5),
    benefits: ['immigration_status_secured'],
  },
  community_care: {
    complexity: 1.4,
    durationDays: 110,
    caseworkRatio: 1.3,
    subcategories: [
      sub('needs_assessment', 35, 1.0, 0.05),
      sub('care_package', 30, 1.1, 0.1),
      sub('nrpf_support', 20, 1.25, 0.15),
      sub('carers_support', 15, 0.8, 0),
    ],
    underlying: [4, 5, 2, 0.3, 1, 0],
    funding: funding(75, 15, 5, 5),
    benefits: ['care_package_secured'],
  },
};

/** Case mix by kind of organisation (weights in CATEGORIES order). */
export const CATEGORY_MIX = {
  law_centre: [30, 20, 12, 10, 16, 12],
  advice_agency: [22, 38, 26, 10, 2, 2],
} as const;

/** Share of legal aid work kept by each kind (an advice agency is mostly grant funded). */
export const LEGAL_AID_SHARE = { law_centre: 1, advice_agency: 0.35 } as const;

export const FEEDBACK_COMMENTS = {
  good: [
    'She really listened to me.',
    'First person who understood what was going on.',
    'Explained everything and rang me back when she said she would.',
    'I felt someone was on my side for once.',
    'Thank you for not giving up on my case.',
    'Patient with my English.',
  ],
  poor: [
    'Hard to get hold of anyone.',
    'It felt rushed.',
    'I had to explain everything again to a different person.',
    'Did not really understand what happened in the end.',
  ],
} as const;
