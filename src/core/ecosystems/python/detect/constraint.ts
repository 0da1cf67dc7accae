// Turns a version constraint into the version an image tag should be pinned to: the lowest version the
// constraint allows, as precise as it was written. `>=3.11` → `3.11`, `^3.12` → `3.12`, `~=3.11.4` → `3.11.4`,
// `==3.12.*` → `3.12`, `>=3.9,<4` → `3.9`, `^8.1 || ^8.2` → `8.1` (the first alternative). Constraints with
// no lower bound (`<4`, `*`) give undefined.
export function constraintFloor(spec: string): string | undefined {
  for (const alt of spec.split(/\|\|?/)) {
    for (const clause of alt.split(/,|\s+(?=[<>=~^!])/)) {
      const m = /^\s*(===|==|>=|~=|\^|~>|~|>|=)?\s*v?(\d+(?:\.\d+){0,2})(?:\.\*)?/.exec(clause);
      if (m && !/^\s*(<|!=)/.test(clause)) return m[2];
    }
  }
  return undefined;
}

/** A bare version at the start of a small file (`3.12.1`, `python-3.12.1`, `ruby-3.3.0`), else undefined. */
export function leadingVersion(text: string, prefix?: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (prefix && line.startsWith(prefix)) line = line.slice(prefix.length);
    const m = /^v?(\d+(?:\.\d+){0,2})\b/.exec(line);
    return m ? m[1] : undefined;
  }
  return undefined;
}
