import { xmlText } from './docx-xml.js';

export interface DocxMeta {
  title: string;
  /** A BCP 47 tag such as nb-NO: the language Word reads and spell-checks the text in. */
  language: string;
  /** When the report was made: the document's created and modified dates. */
  created: Date;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'application/vnd.openxmlformats-officedocument';

/** The main part is streamed between these two: its paragraphs go between them as the blocks come. */
export const DOCUMENT_START = `${HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>`;
/** A4 with one-inch margins, as the docx library wrote it before. */
export const DOCUMENT_END =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>';

const relationships = (rels: [type: string, target: string][]) =>
  `${HEAD}<Relationships xmlns="${PACKAGE_RELS}">${rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

const CONTENT_TYPES = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${OFFICE}.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${OFFICE}.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="${OFFICE}.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="${OFFICE}.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${OFFICE}.extended-properties+xml"/></Types>`;

const PACKAGE_RELATIONSHIPS = relationships([
  [`${R}/officeDocument`, 'word/document.xml'],
  [`${PACKAGE_RELS}/metadata/core-properties`, 'docProps/core.xml'],
  [`${R}/extended-properties`, 'docProps/app.xml'],
]);

const DOCUMENT_RELATIONSHIPS = relationships([
  [`${R}/styles`, 'styles.xml'],
  [`${R}/numbering`, 'numbering.xml'],
  [`${R}/settings`, 'settings.xml'],
]);

const APP = `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Tiltak</Application></Properties>`;

/** Word 2013 and later layout: without it Word opens the file in compatibility mode. */
const SETTINGS = `${HEAD}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

/** One bullet list, level 0, as the docx library drew it. */
const NUMBERING = `${HEAD}<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;

const paragraphStyle = (id: string, name: string, inner: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${inner}</w:style>`;

/**
 * Calibri 11 pt in the document's language; Title and headings as Word's
 * own (a heading's outline level is what the navigation pane and a screen
 * reader list), the quote indented, the list paragraph for bullets.
 */
function styles(language: string): string {
  const heading = (level: number, size: number) =>
    `<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="${level}"/></w:pPr><w:rPr><w:color w:val="2E74B5"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  return (
    `${HEAD}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${xmlText(language)}"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    paragraphStyle(
      'Title',
      'Title',
      '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr>',
    ) +
    paragraphStyle('Heading1', 'heading 1', heading(0, 32)) +
    paragraphStyle('Heading2', 'heading 2', heading(1, 26)) +
    paragraphStyle(
      'Quote',
      'Quote',
      '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="80"/><w:ind w:left="720"/></w:pPr>',
    ) +
    paragraphStyle('ListParagraph', 'List Paragraph', '<w:qFormat/>') +
    '</w:styles>'
  );
}

function core(meta: DocxMeta): string {
  const title = xmlText(meta.title);
  const when = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${title}</dc:title><dc:creator>Tiltak</dc:creator><dc:description>${title}</dc:description><dc:language>${xmlText(meta.language)}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

/** The parts written before the document, in the order Word's own files have them. */
export function partsBefore(meta: DocxMeta): [name: string, xml: string][] {
  return [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELATIONSHIPS],
    ['docProps/core.xml', core(meta)],
    ['docProps/app.xml', APP],
    ['word/_rels/document.xml.rels', DOCUMENT_RELATIONSHIPS],
  ];
}

/** The parts written after the document. */
export function partsAfter(meta: DocxMeta): [name: string, xml: string][] {
  return [
    ['word/styles.xml', styles(meta.language)],
    ['word/numbering.xml', NUMBERING],
    ['word/settings.xml', SETTINGS],
  ];
}
