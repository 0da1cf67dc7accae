// Java versions as the runtime image needs them: `1.8` → `8`, `17` → `17`, `JavaVersion.VERSION_21` → `21`.
export function normalizeJavaVersion(raw: string): string | undefined {
  const v = raw.trim().replace(/^JavaVersion\.VERSION_/, '').replace(/_/g, '.').replace(/^["']|["']$/g, '');
  const m = v.match(/^(?:1\.(\d+)|(\d+))(?:\.\d+)*$/);
  return m ? (m[1] ?? m[2]) : undefined;
}
