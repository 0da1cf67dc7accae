// Providers in the order they are tried on a folder. More specific ecosystems come first: Rails, Laravel
// and Django apps often carry a package.json for front-end assets, so Node is tried after them, and a
// bare index.html (static) last.
import type { Provider } from './provider';
import { provider as ruby } from '../ecosystems/ruby/detect';
import { provider as php } from '../ecosystems/php/detect';
import { provider as python } from '../ecosystems/python/detect';
import { provider as java } from '../ecosystems/java/detect';
import { provider as dotnet } from '../ecosystems/dotnet/detect';
import { provider as go } from '../ecosystems/go/detect';
import { provider as rust } from '../ecosystems/rust/detect';
import { provider as node } from '../ecosystems/node/detect';
import { provider as staticSite } from '../ecosystems/static/detect';

export const PROVIDERS: readonly Provider[] = [ruby, php, python, java, dotnet, go, rust, node, staticSite];
