// A tiny XML reader that keeps line numbers, so pom.xml and *.csproj facts can point at `file:line`.
// Call it only on text that ctx.xml() accepted: malformed input is reported there, not here.

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside the element, trimmed. */
  text: string;
  /** 1-based line of the opening tag. */
  line: number;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXmlTree(text: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlNode[] = [root];
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    line += countNewlines(text, last, m.index);
    last = m.index;
    const top = stack[stack.length - 1];
    if (m[6] !== undefined) {
      top.text = (top.text + decode(m[6])).trim();
    } else if (m[1] !== undefined) {
      top.text = (top.text + m[1]).trim();
    } else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (stack.length > 1 && top.name === m[3]) stack.pop();
        continue;
      }
      const node: XmlNode = { name: m[3], attrs: attrsOf(m[4] ?? ''), children: [], text: '', line };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    }
  }
  return root;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function attrsOf(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of raw.matchAll(ATTR)) out[a[1]] = decode(a[2] ?? a[3] ?? '');
  return out;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Children named `name` (namespace prefixes ignored). */
export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => localName(c.name) === name) : [];
}

export function kid(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return kids(node, name)[0];
}

/** Follows a path of child names: `at(project, 'build', 'plugins')`. */
export function at(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let cur = node;
  for (const p of path) cur = kid(cur, p);
  return cur;
}

/** Every descendant named `name`, in document order. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const visit = (n: XmlNode) => {
    for (const c of n.children) {
      if (localName(c.name) === name) out.push(c);
      visit(c);
    }
  };
  visit(node);
  return out;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
