// Names that end up in Kubernetes objects, image names and compose services must be DNS-1123 labels.

/** Lowercase `[a-z0-9-]`, starts and ends alphanumeric, at most `max` characters; `app` when nothing is left. */
export function dnsLabel(raw: string, max = 63): string {
  const s = raw
    .toLowerCase()
    .replace(/^@[^/]+\//, '') // npm scope
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(s) || /^[0-9]/.test(s) ? s : 'app';
}

/** Distinct DNS labels for several raw names, in order: a repeated name gets `-2`, `-3`… */
export function uniqueLabels(raws: string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  return raws.map((raw) => {
    const base = dnsLabel(raw, 58);
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
    used.add(name);
    return name;
  });
}

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
