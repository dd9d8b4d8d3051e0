import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../common/domain-error.js';
import { documentType } from './document-type.js';

/** An OLE compound file header, then a directory entry named `stream` (UTF-16LE), padded. */
const cfb = (stream: string) =>
  Buffer.concat([
    Buffer.from('d0cf11e0a1b11ae1', 'hex'),
    Buffer.alloc(504),
    Buffer.from(stream, 'utf16le'),
    Buffer.alloc(1024),
  ]);

describe('documentType reads the type from the content', () => {
  it('takes an OLE file as Word only when it holds a WordDocument stream', async () => {
    await expect(documentType(cfb('WordDocument'))).resolves.toBe('application/msword');
    await expect(documentType(cfb('Workbook'))).rejects.toBeInstanceOf(DomainError);
  });

  it('names what it found when it refuses', async () => {
    const gzip = Buffer.concat([Buffer.from('1f8b0800000000000003', 'hex'), Buffer.alloc(20)]);
    await expect(documentType(gzip)).rejects.toMatchObject({
      code: 'unprocessable',
      errors: [{ path: 'file', message: expect.stringContaining('application/gzip') }],
    });
  });
});
