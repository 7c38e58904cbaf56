import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * PDF documents with pdfmake (pure JavaScript, fonts inside the package), rendered on the server. Documents may
 * only read pdfmake's own fonts and never fetch a URL, so report content cannot make the server read files or
 * call out.
 */
const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as {
  setFonts(fonts: unknown): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
const fontDir = dirname(fonts.Roboto.normal ?? '');

pdfmake.setFonts(fonts);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));
pdfmake.setUrlAccessPolicy(() => false);

export async function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf({ defaultStyle: { font: 'Roboto', fontSize: 10 }, ...document }).getBuffer();
}
export type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
