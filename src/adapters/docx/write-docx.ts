/**
 * A cycle document as .docx, through the `docx` library (Node and browser). The library is imported on demand so that
 * only the commands and the pane's download that need it load it. Portrait A4 for the text, the appendix table in its
 * own landscape section (A4 or A3), Times New Roman 14/10 as official letters are set; ready for the agency's letterhead.
 */
import type { CycleDocument } from "../../core/documents/cycle-documents";

/** Twips (1/1440 inch) of the paper sizes, portrait. */
const PAPER = { A4: { width: 11906, height: 16838 }, A3: { width: 16838, height: 23811 } } as const;
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TABLE_MARGIN = { top: 850, bottom: 850, left: 850, right: 850 };

export async function documentToDocx(document: CycleDocument): Promise<Uint8Array> {
  const docx = await import("docx");
  const { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const font = "Times New Roman";
  const text = (value: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text: value, font, size: options.size ?? 28, bold: options.bold });

  const body = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(document.title, { bold: true })] }),
    ...document.paragraphs.map((line) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 709 }, spacing: { after: 120 }, children: [text(line)] })),
  ];
  type Section = ConstructorParameters<typeof Document>[0]["sections"][number];
  const sections: Section[] = [
    { properties: { page: { size: { ...PAPER.A4, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } }, children: body },
  ];
  if (document.table) {
    const { headers, rows, paper, caption } = document.table;
    const cell = (value: string, bold = false) =>
      new TableCell({ children: value.split("\n").map((line) => new Paragraph({ children: [text(line, { bold, size: 18 })] })) });
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
        new TableRow({ tableHeader: true, children: headers.map((_, i) => cell(String(i + 1), true)) }),
        ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((value) => cell(value)) })),
      ],
    });
    const size = PAPER[paper];
    sections.push({
      // docx swaps width and height itself for landscape.
      properties: { page: { size: { width: size.width, height: size.height, orientation: PageOrientation.LANDSCAPE }, margin: TABLE_MARGIN } },
      children: [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 200 }, children: [text(caption, { size: 24 })] }), table],
    });
  }
  const file = new Document({ creator: "Реестр процессов", title: document.title, sections });
  // ArrayBuffer works in Node and in the pane's browser alike.
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
