// Text from a project file quoted in a warning: control and bidi-override characters would let a
// hostile file rewrite the terminal or disguise the message, so they become `?`; long text is cut.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string, max = 60): string {
  const safe = text.replace(UNSAFE, '?');
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}
