/** An error caused by the user's input or environment, printed as its message without a stack trace. */
export class UserError extends Error {
  /** CLI exit code: 1 for a failure, 2 when Parity refused to do something unsafe. */
  readonly cliExit: number = 1;
  constructor(message: string, readonly hint?: string) {
    super(hint ? `${message}\n  ${hint}` : message);
  }
}

/** Parity refused an unsafe request (a write that would leave the workspace, a link it will not follow). */
export class RefusedError extends UserError {
  override readonly cliExit: number = 2;
}

/** Ordinary OS failures that are the environment's doing, not a bug: each becomes a message. */
const OS_ERRORS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'already exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EBUSY: 'resource busy',
  ETXTBSY: 'file busy',
  EFBIG: 'file too large',
  EMLINK: 'too many links',
  EXDEV: 'cannot move across file systems',
};

/** The errno code of an OS error Parity reports as a message, else undefined. */
export function osErrorCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code in OS_ERRORS ? code : undefined;
}

/** Wraps an OS error as a UserError naming the file (`what`) and the cause; other errors pass through. */
export function osError(err: unknown, what?: string): unknown {
  const code = osErrorCode(err);
  if (!code) return err;
  const e = err as NodeJS.ErrnoException;
  const where = what ?? e.path ?? (e as { dest?: string }).dest ?? '';
  return new UserError(`${where ? `${where}: ` : ''}${OS_ERRORS[code]} (${code}${e.syscall ? `, ${e.syscall}` : ''})`);
}

/** An input too deep, too large or too expanding for a parser's limits: reported, never a crash. */
export class LimitError extends UserError {}

/** True for V8's stack exhaustion, which deeply nested input can cause in a recursive library. */
export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /Maximum call stack size exceeded/.test(err.message);
}
