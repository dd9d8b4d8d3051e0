/**
 * What a file is, read from its bytes (file-type's signatures), never from its name or the type
 * the browser sent. Word 97–2003 files are OLE compound files, which file-type names only as a
 * container (so are old Excel files and Outlook messages): one is taken as Word when its
 * directory holds the "WordDocument" stream that every Word binary file has.
 */
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, type DocumentType } from '@deepvalue/shared';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../common/domain-error.js';

const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

export async function documentType(content: Buffer): Promise<DocumentType> {
  const found = await fileTypeFromBuffer(content);
  const mime: string | undefined =
    found?.mime === 'application/x-cfb' && content.includes(WORD_STREAM) ? 'application/msword' : found?.mime;
  if (mime && (DOCUMENT_TYPES as readonly string[]).includes(mime)) return mime as DocumentType;
  const what = found ? `a ${found.ext.toUpperCase()} file (${found.mime})` : 'not a file type Deep Value recognises';
  const allowed = [...new Set(Object.values(DOCUMENT_TYPE_LABELS))].join(', ');
  throw new DomainError('unprocessable', `The file is ${what}`, [
    { path: 'file', message: `is ${what}; a document must be one of: ${allowed}` },
  ]);
}
