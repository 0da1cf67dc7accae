// Parsers for project files that turn malformed input into a warning instead of an exception.
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
}

export function parseJson(text: string): ParseResult<unknown> {
  try {
    // Tolerate a UTF-8 BOM, which editors on Windows like to add.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${firstLine(err)}` };
  }
}

export function parseTomlText(text: string): ParseResult<Record<string, unknown>> {
  try {
    return { ok: true, value: parseToml(text.replace(/^\uFEFF/, '')) as Record<string, unknown> };
  } catch (err) {
    return { ok: false, error: `invalid TOML: ${firstLine(err)}` };
  }
}

/** Deepest `[`/`{` nesting, counted without regard to quoting (an over-estimate is fine for a limit). */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return max;
}

/** Real YAML never nests flow collections this deep; deeper input drives the parser to the stack limit. */
const MAX_YAML_FLOW_DEPTH = 500;

/** All documents of a YAML stream (Kubernetes files hold several). */
export function parseYamlDocs(text: string): ParseResult<unknown[]> {
  if (flowDepth(text) > MAX_YAML_FLOW_DEPTH) return { ok: false, error: `invalid YAML: flow collections nested deeper than ${MAX_YAML_FLOW_DEPTH} levels` };
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [docs];
    const bad = list.find((d) => d.errors.length > 0);
    if (bad) return { ok: false, error: `invalid YAML: ${firstLine(bad.errors[0].message)}` };
    return { ok: true, value: list.map((d) => d.toJS({ maxAliasCount: 100 })).filter((d) => d !== null && d !== undefined) };
  } catch (err) {
    return { ok: false, error: `invalid YAML: ${firstLine(err)}` };
  }
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, processEntities: false });

export function parseXml(text: string): ParseResult<Record<string, unknown>> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, error: `invalid XML: ${valid.err.msg} (line ${valid.err.line})` };
  try {
    return { ok: true, value: xml.parse(text) as Record<string, unknown> };
  } catch (err) {
    return { ok: false, error: `invalid XML: ${firstLine(err)}` };
  }
}

/** `a.b.c` lookup in plain objects; undefined when any step is missing or not an object. */
export function pick(obj: unknown, dotted: string): unknown {
  let cur: unknown = obj;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
