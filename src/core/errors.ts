/** An error caused by the user's input or environment, printed as its message without a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(hint ? `${message}\n  ${hint}` : message);
  }
}
