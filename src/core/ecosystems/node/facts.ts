// Facts about a Node app that generation needs beyond the published profile.
import type { AppProfile } from '../../model';

/** A Next.js app (its build output is .next, it writes .next/cache at run time). */
export function isNext(app: AppProfile): boolean {
  return /next/i.test(app.framework?.value ?? '');
}
