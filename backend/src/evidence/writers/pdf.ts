/**
 * PDF: the report a funding panel reads on paper (A4). A title page with the headline figures, time
 * against outcome as a vector chart (bars, 95% interval whiskers, n per band) with the adjusted
 * estimates, the other outcomes, outcomes by category, fixed fee against need, the value of the
 * outcomes with its low–high range (overall and per band of relationship time), then the method and
 * caveats with the unit costs. Page numbers on every page. Dates inside are the pack's generatedAt.
 */
import PDFDocument from 'pdfkit';
import type { EvidencePack } from '@deepvalue/shared';
import { pdfText } from './pdf-text.js';
import { footers, organisationLine, MARGIN } from './pdf-layout.js';
import { otherOutcomesPage, outcomesPage, summaryPage, titlePage } from './pdf-headline-pages.js';
import { meansPage, moreMeasuresPage, personalDevelopmentPage, understandingPage } from './pdf-measure-pages.js';
import { problemsPage, retellingPage } from './pdf-distribution-pages.js';
import { categoryPage, fixedFeePage, methodPages, valuePage } from './pdf-detail-pages.js';

export interface PdfOptions {
  /** Uncompressed content streams (tests read the text back). */
  compress?: boolean;
}

export async function packPdf(pack: EvidencePack, inputsSha256: string, options: PdfOptions = {}): Promise<Buffer> {
  const date = new Date(pack.meta.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    autoFirstPage: false,
    info: {
      Title: pdfText(`${pack.meta.title}: ${organisationLine(pack)}`),
      Author: 'Deep Value',
      Subject: `Cases closed ${pack.meta.period.from} to ${pack.meta.period.to}`,
      Creator: `Deep Value ${pack.meta.softwareVersion}`,
      Producer: 'Deep Value (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  summaryPage(doc, pack);
  titlePage(doc, pack);
  outcomesPage(doc, pack);
  otherOutcomesPage(doc, pack);
  moreMeasuresPage(doc, pack);
  personalDevelopmentPage(doc, pack);
  meansPage(doc, pack);
  understandingPage(doc, pack);
  retellingPage(doc, pack);
  problemsPage(doc, pack);
  categoryPage(doc, pack);
  fixedFeePage(doc, pack);
  valuePage(doc, pack);
  methodPages(doc, pack, inputsSha256);
  footers(doc, pack);
  doc.end();
  return done;
}
