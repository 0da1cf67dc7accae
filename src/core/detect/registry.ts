// Providers in the order they are tried on a folder. More specific ecosystems come first: Rails, Laravel
// and Django apps often carry a package.json for front-end assets, so Node is tried after them, and a
// bare index.html (static) last.
import type { Provider } from './provider';
import { provider as ruby } from './ruby';
import { provider as php } from './php';
import { provider as python } from './python';
import { provider as java } from './java';
import { provider as dotnet } from './dotnet';
import { provider as go } from './go';
import { provider as rust } from './rust';
import { provider as node } from './node';
import { provider as staticSite } from './static';

export const PROVIDERS: readonly Provider[] = [ruby, php, python, java, dotnet, go, rust, node, staticSite];
