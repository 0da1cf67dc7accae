// Python version pins: .python-version.
import { wholeFilePin, type PinReader } from '../../pins';

export const pins: PinReader = (read, dir) => {
  const pin = wholeFilePin(read, dir, 'python', ['.python-version']);
  return pin ? [pin] : [];
};
