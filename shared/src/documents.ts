/**
 * Documents kept on a case : what may be uploaded, decided by the file's
 * content, never by its name, and where a document came from.
 */

/** Media types a case document may have: PDF, images, and Word (and OpenDocument/RTF) text. */
export const DOCUMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/tiff',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/vnd.oasis.opendocument.text',
  'application/rtf',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'image/tiff': 'TIFF image',
  'image/heic': 'HEIC photo',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/msword': 'Word 97–2003 document',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/rtf': 'Rich text',
};

/** upload: sent by someone; letter: generated from a letter template. */
export const DOCUMENT_SOURCES = ['upload', 'letter'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

export const MAX_DOCUMENT_NAME_LENGTH = 255;

/** A supervisor's file review of a case. */
export const FILE_REVIEW_OUTCOMES = ['satisfactory', 'actions_needed', 'unsatisfactory'] as const;
export type FileReviewOutcome = (typeof FILE_REVIEW_OUTCOMES)[number];

export const FILE_REVIEW_OUTCOME_LABELS: Record<FileReviewOutcome, string> = {
  satisfactory: 'Satisfactory',
  actions_needed: 'Satisfactory, with actions',
  unsatisfactory: 'Unsatisfactory',
};
