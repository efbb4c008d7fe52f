/**
 * A strict little XML parser for tests: enough of XML 1.0 to show that a
 * part Tiltak writes is well-formed (one root, tags nested and closed, names
 * and attributes in form, no attribute twice, only known entities, no
 * character XML forbids, no `]]>` in text) and to read it back as a tree.
 * It refuses what Tiltak never writes (DOCTYPE, CDATA, comments), so a part
 * that passes here is one any XML parser, Word's included, can read.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Elements and decoded text, in document order. */
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: string): string {
  if (FORBIDDEN.test(text)) throw new Error(`a character XML forbids in ${where}`);
  return text.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`an unterminated reference in ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref] as string;
    const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1];
    if (code === undefined) throw new Error(`an unknown entity &${ref}; in ${where}`);
    const char = String.fromCodePoint(Number.parseInt(code, ref.startsWith('#x') ? 16 : 10));
    if (FORBIDDEN.test(char)) throw new Error(`a reference to a character XML forbids in ${where}`);
    return char;
  });
}

export function parseXml(xml: string): XmlElement {
  let at = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const text = xml.slice(at, lt < 0 ? xml.length : lt);
    if (text.includes(']]>')) throw new Error('"]]>" in text');
    const parent = stack.at(-1);
    if (parent === undefined) {
      if (text.trim() !== '') throw new Error(`text outside the root: ${JSON.stringify(text.slice(0, 40))}`);
    } else if (text !== '') parent.children.push(decode(text, `<${parent.name}>`));
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error('a tag never closed');
    const tag = xml.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (open?.name !== tag.slice(1)) throw new Error(`</${tag.slice(1)}> closes <${open?.name}>`);
      continue;
    }
    const name = NAME.exec(tag)?.[0];
    if (name === undefined) throw new Error(`not a start tag: <${tag.slice(0, 40)}>`);
    const selfClosing = tag.endsWith('/');
    let rest = tag.slice(name.length, selfClosing ? -1 : undefined);
    const element: XmlElement = { name, attributes: {}, children: [] };
    while (rest.trim() !== '') {
      const m = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest);
      if (m === null) throw new Error(`a malformed attribute in <${name}>: ${rest.slice(0, 40)}`);
      const key = m[1] as string;
      if (key in element.attributes) throw new Error(`attribute ${key} twice in <${name}>`);
      element.attributes[key] = decode(m[3] ?? m[4] ?? '', `${name}@${key}`);
      rest = rest.slice(m[0].length);
    }
    if (parent === undefined) {
      if (root !== null) throw new Error('a second root element');
      root = element;
    } else parent.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> never closed`);
  if (root === null) throw new Error('no root element');
  return root;
}

/** Every element of this name under `root`, depth first. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === name) found.push(e);
    for (const c of e.children) if (typeof c !== 'string') visit(c);
  };
  visit(root);
  return found;
}
