// `.env` files and `${VAR}` interpolation as Docker Compose reads them (the common subset: KEY=VALUE,
// `export KEY=…`, single/double quotes, `#` comments, ${VAR}, ${VAR:-default}, ${VAR-default}, $VAR, $$).
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    if ((value.startsWith('"') && value.lastIndexOf('"') > 0) || (value.startsWith("'") && value.lastIndexOf("'") > 0)) {
      const q = value[0];
      value = value.slice(1, value.lastIndexOf(q));
      if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[m[1]] = value;
  }
  return out;
}

export function interpolate(text: string, vars: Record<string, string | undefined>): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, op, fallback, bare) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare;
    const value = vars[name];
    if (op === ':-') return value ? value : fallback;
    if (op === '-') return value !== undefined ? value : fallback;
    return value ?? '';
  });
}
