/**
 * A filled-in letter as a file: an A4 PDF (PDFKit, already used for the evidence pack) or a Word
 * document (docx) an adviser can still edit. The PDF uses the standard fonts, which print only
 * WinAnsi characters; the DOCX carries any text.
 */
import type { LetterFormat } from '@deepvalue/shared';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { pdfText } from '../../evidence/writers/pdf-text.js';
import type { Block } from './letter-text.js';

export async function letterFile(blocks: Block[], format: LetterFormat, title: string): Promise<Buffer> {
  return format === 'pdf' ? letterPdf(blocks, title) : letterDocx(blocks, title);
}

function letterPdf(blocks: Block[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: pdfText(title), Creator: 'Deep Value' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of blocks) {
    if (block.kind === 'heading') doc.font('Helvetica-Bold').fontSize(12).text(pdfText(block.lines[0]));
    else if (block.kind === 'bullets')
      doc.font('Helvetica').fontSize(11).list(block.items.map(pdfText), { bulletRadius: 2 });
    else
      doc
        .font('Helvetica')
        .fontSize(11)
        .text(pdfText(block.lines.join('\n')));
    doc.moveDown(0.8);
  }
  doc.end();
  return done;
}

async function letterDocx(blocks: Block[], title: string): Promise<Buffer> {
  const paragraphs = blocks.flatMap((block) => {
    if (block.kind === 'heading') return [new Paragraph({ text: block.lines[0], heading: HeadingLevel.HEADING_2 })];
    if (block.kind === 'bullets') return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    return [
      new Paragraph({
        children: block.lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
        spacing: { after: 200 },
      }),
    ];
  });
  const document = new Document({ title, creator: 'Deep Value', sections: [{ children: paragraphs }] });
  return Buffer.from(await Packer.toBuffer(document));
}
