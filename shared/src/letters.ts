/**
 * Letters from templates: the case fields a template may use, written
 * `{{client.fullName}}` in its text, and the formats a letter is generated in.
 */
export const LETTER_FIELDS = {
  today: 'Today’s date',
  'organisation.name': 'Your organisation’s name',
  'client.firstName': 'Client’s first name',
  'client.lastName': 'Client’s last name',
  'client.fullName': 'Client’s full name',
  'client.dateOfBirth': 'Client’s date of birth',
  'client.ref': 'Client reference',
  'case.ref': 'Case reference',
  'case.category': 'Area of law',
  'case.subcategory': 'Sub-category',
  'case.openedOn': 'Date the case was opened',
  'case.closedOn': 'Date the case was closed',
  'case.fundingStream': 'How the case is funded',
  'adviser.name': 'Lead adviser’s name',
  'user.name': 'Name of whoever generates the letter',
  'opponent.name': 'The first opponent recorded on the case',
} as const;
export type LetterField = keyof typeof LETTER_FIELDS;

export const LETTER_FORMATS = ['pdf', 'docx'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/** The templates shipped with every organisation, by key; an admin may reword them but not remove them. */
export const SHIPPED_LETTER_KEYS = ['client_care', 'authority', 'closing'] as const;
export type ShippedLetterKey = (typeof SHIPPED_LETTER_KEYS)[number];

export const MAX_LETTER_TEMPLATE_LENGTH = 20_000;
export const MAX_LETTER_TEMPLATE_NAME_LENGTH = 120;

/** `{{ field }}` in a template's text. */
export const LETTER_FIELD_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;
