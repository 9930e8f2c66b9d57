/**
 * Test fixtures for text extraction, built in code so no binary files live in the repository:
 * .docx through the `docx` package, PDFs through pdf-lib, zips through jszip.
 */

import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';

/** A small Vietnamese directive as a .docx: a number line, a heading, and a paragraph with a bold lead. */
export async function buildDirectiveDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('Số: 12 -KH/ĐU'),
          new Paragraph({ text: 'I. MỤC ĐÍCH, YÊU CẦU', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun({ text: '1. Ban Tổ chức Đảng uỷ:', bold: true }),
              new TextRun(' chủ trì, phối hợp tuyên truyền sâu rộng trong cán bộ, đảng viên.'),
            ],
          }),
          new Paragraph('- Tiếp tục tạo sự thống nhất về nhận thức và hành động trong Đảng.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A plan whose appendix is a Word table (STT | task | lead body | deadline), a cell holding two paragraphs. */
export async function buildAppendixDocx(): Promise<Uint8Array> {
  const cell = (...texts: string[]) => new TableCell({ children: texts.map((t) => new Paragraph(t)) });
  const row = (...cells: string[][]) => new TableRow({ children: cells.map((texts) => cell(...texts)) });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('I. NỘI DUNG'),
          new Paragraph({ children: [new TextRun('Dòng một'), new TextRun({ text: 'dòng hai', break: 1 })] }),
          new Paragraph('PHỤ LỤC'),
          new Table({
            rows: [
              row(['STT'], ['Nội dung công việc'], ['Cơ quan chủ trì'], ['Thời gian hoàn thành']),
              row(['1'], ['Tổ chức hội nghị quán triệt'], ['Ban Tuyên giáo', 'Đảng ủy Khối'], ['Tháng 02/2025']),
              row(['2'], ['Biên soạn tài liệu'], ['Ban Tổ chức'], ['Quý I/2025']),
            ],
          }),
          new Paragraph('Hết.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A PDF whose pages carry the given ASCII lines (standard fonts use WinAnsi, which cannot encode Vietnamese).
 * `objectStreams: false` writes a classic xref table with plain objects, which mutates more interestingly.
 */
export async function buildTextPdf(pages: string[][], { objectStreams = true } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }));
  }
  return pdf.save({ useObjectStreams: objectStreams });
}

/** A PDF with `count` pages and no text at all, as a scan without OCR looks to a text extractor. */
export async function buildBlankPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < count; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
  }
  return pdf.save();
}

/**
 * A PDF that declares Standard security with an unknown user password: pdf.js cannot open it with the empty
 * password and reports a password error. The O and U entries are arbitrary; nothing is actually encrypted.
 */
export async function buildEncryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  const filler = PDFHexString.of('ab'.repeat(32));
  const encrypt = pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -4 });
  encrypt.set(PDFName.of('O'), filler);
  encrypt.set(PDFName.of('U'), filler);
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  const id = PDFHexString.of('0123456789abcdef0123456789abcdef');
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return pdf.save({ useObjectStreams: false });
}

/** The same zip with every entry stored uncompressed, so byte mutations reach the XML parts directly. */
export async function storeUncompressed(zipBytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(zipBytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/**
 * A .docx-shaped zip whose document part inflates to `bytes` bytes of one repeated character: a zip bomb of
 * about 1:1000 compression.
 */
export async function buildZipBomb(bytes: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', new Uint8Array(bytes).fill(0x41));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * Shrinks every declared uncompressed size above `size` (local headers and central directory) to `size`, so the
 * archive lies about how big its large entries are while the small ones stay consistent.
 */
export function forgeDeclaredSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const shrink = (at: number): void => {
    if (view.getUint32(at, true) > size) view.setUint32(at, size, true);
  };
  for (let at = 0; at + 30 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) shrink(at + 22); // local file header
    if (signature === 0x02014b50) shrink(at + 24); // central directory header
  }
  return out;
}

/** Encodes a string as UTF-16 with the given byte order, optionally with a BOM. */
export function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    const [first, second] = order === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    out[i * 2] = first;
    out[i * 2 + 1] = second;
  }
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * A .docx whose document part is `xmlBytes` of one-letter paragraphs (`<w:p><w:r><w:t>a</w:t></w:r></w:p>`
 * repeated): 48 MB of it zips to ~150 KB, and a DOM-building reader turns it into millions of objects.
 */
export async function buildTinyParagraphDocx(xmlBytes: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildDirectiveDocx());
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const paragraph = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
  const count = Math.max(1, Math.floor((xmlBytes - head.length - tail.length) / paragraph.length));
  zip.file('word/document.xml', head + paragraph.repeat(count) + tail);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
