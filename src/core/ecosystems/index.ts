// The one registry of ecosystems, in the order detection tries them on a folder. More specific ecosystems
// come first: Rails, Laravel and Django apps often carry a package.json for front-end assets, so Node is
// tried after them, and a bare index.html (static) last.
// Adding an ecosystem: its folder, its id in ids.ts and one line here (see docs/architecture.md).
import type { Ecosystem } from '../model';
import type { EcosystemModule } from '../ecosystem';
import { ruby } from './ruby';
import { php } from './php';
import { python } from './python';
import { java } from './java';
import { dotnet } from './dotnet';
import { go } from './go';
import { rust } from './rust';
import { node } from './node';
import { staticSite } from './static';

/** Compile-time check: every ecosystem id has exactly one module (a missing or extra key fails to compile). */
const BY_ID = { ruby, php, python, java, dotnet, go, rust, node, static: staticSite } satisfies { readonly [K in Ecosystem]: EcosystemModule<K> };

/** Every module, in detection order. */
export const ECOSYSTEM_MODULES: readonly EcosystemModule[] = Object.values(BY_ID);

export function moduleOf(id: Ecosystem): EcosystemModule {
  return BY_ID[id];
}
