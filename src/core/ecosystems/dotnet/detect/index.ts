// .NET: an SDK-style project that produces something runnable — a web app (Microsoft.NET.Sdk.Web), a
// worker (Microsoft.NET.Sdk.Worker) or an `OutputType` Exe — is an app; class libraries and test projects
// are not, nor is a folder holding only a *.sln (each project of the solution is found in its own folder).
// Default port: the official images set ASPNETCORE_HTTP_PORTS=8080 since .NET 8 (port 80 before).
import type { Provider, ProviderProfile } from '../../../detect/provider';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import { readProject } from './project';
import { aspnetConfigPort } from './ports';

const PROJECT = /\.(cs|fs|vb)proj$/;

export const provider: Provider = {
  id: 'dotnet',
  markers: [PROJECT, /\.sln$/],
  matches: (ctx) => ctx.files.some((f) => !f.includes('/') && (PROJECT.test(f) || f.endsWith('.sln'))),
  profile,
};

function profile(ctx: AppContext): ProviderProfile | null {
  if (ctx.has('global.json')) checkGlobalJson(ctx);
  const file = ctx.files.find((f) => !f.includes('/') && PROJECT.test(f));
  if (!file) return null;
  const p = readProject(ctx, file);
  if (!p || p.isTest) return null;
  const sdk = p.sdk?.value ?? '';
  const web = sdk === 'Microsoft.NET.Sdk.Web';
  const runnable = web || sdk === 'Microsoft.NET.Sdk.Worker' || /^(Exe|WinExe)$/i.test(p.outputType ?? '');
  if (!runnable) return null;
  const dll = `${p.assemblyName.value}.dll`;
  const major = Number(p.targetFramework?.value.split('.')[0] ?? '8');
  const defaultPort = major >= 8 ? 8080 : 80;
  return {
    name: file.replace(PROJECT, ''),
    runtimeVersion: p.targetFramework,
    packageManager: ctx.fact('dotnet', file),
    framework: web && p.sdk ? { value: 'aspnetcore', source: p.sdk.source } : null,
    build: ctx.fact('dotnet publish -c Release -o /app/publish', file),
    start: { value: `dotnet ${dll}`, source: p.assemblyName.source },
    lockfile: ctx.has('packages.lock.json') ? ctx.fact('packages.lock.json', 'packages.lock.json') : null,
    binary: { value: dll, source: p.assemblyName.source },
    configPort: web ? aspnetConfigPort(ctx) : null,
    defaultPort: web ? defaultFact(defaultPort, `aspnetcore listens on ${defaultPort} ${major >= 8 ? 'since' : 'before'} .NET 8`) : null,
    dependencies: p.dependencies,
    sourceExtensions: ['.cs', '.fs', '.vb'],
  };
}

/** global.json pins the SDK `dotnet publish` uses; the dotnet CLI refuses a malformed one, so say so here. */
function checkGlobalJson(ctx: AppContext): void {
  const json = ctx.json('global.json'); // undefined when malformed: warned by ctx.json()
  if (json === undefined) return;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) ctx.warn('global.json', 'not a JSON object');
}
