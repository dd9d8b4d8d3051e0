/**
 * A filled-in letter as a file: an A4 PDF (PDFKit, already used for the evidence pack) or a Word
 * document (docx) an adviser can still edit. The PDF embeds DejaVu Sans (backend/data/fonts, from
 * Debian's fonts-dejavu-core), so a client's name prints as written in any European alphabet;
 * the standard PDF fonts print only WinAnsi.
 */
import type { LetterFormat } from '@deepvalue/shared';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { REPO_ROOT } from '../../config/config.js';
import type { Block } from './letter-text.js';

export async function letterFile(blocks: Block[], format: LetterFormat, title: string): Promise<Buffer> {
  return format === 'pdf' ? letterPdf(blocks, title) : letterDocx(blocks, title);
}

const FONTS = path.join(REPO_ROOT, 'backend/data/fonts');
const REGULAR = path.join(FONTS, 'DejaVuSans.ttf');
const BOLD = path.join(FONTS, 'DejaVuSans-Bold.ttf');

function letterPdf(blocks: Block[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: title, Creator: 'Deep Value' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of blocks) {
    if (block.kind === 'heading') doc.font(BOLD).fontSize(12).text(block.lines[0]);
    else if (block.kind === 'bullets') doc.font(REGULAR).fontSize(11).list(block.items, { bulletRadius: 2 });
    else doc.font(REGULAR).fontSize(11).text(block.lines.join('\n'));
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
