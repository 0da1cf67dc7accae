// Ruby version pins: .ruby-version.
import { wholeFilePin, type PinReader } from '../../pins';

export const pins: PinReader = (read, dir) => {
  const pin = wholeFilePin(read, dir, 'ruby', ['.ruby-version']);
  return pin ? [pin] : [];
};
