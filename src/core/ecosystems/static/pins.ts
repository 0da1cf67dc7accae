// Static sites have no runtime to pin.
import type { PinReader } from '../../pins';

export const pins: PinReader = () => [];
