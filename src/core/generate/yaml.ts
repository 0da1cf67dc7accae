// YAML output for generated files: keys in the order objects were built, no line folding, LF endings.
import { Scalar, stringify } from 'yaml';

export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0, indentSeq: true, aliasDuplicateObjects: false });
}

/** A plain object with its keys sorted (for maps whose order carries no meaning: labels, env). */
export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A string always written in double quotes (compose port mappings: `3000:3000` is base 60 in YAML 1.1). */
export function quoted(value: string): Scalar<string> {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}
