// rust: no version pin is checked by drift yet (detection reads the version from the project file).
import type { PinReader } from '../../pins';

export const pins: PinReader = () => [];
