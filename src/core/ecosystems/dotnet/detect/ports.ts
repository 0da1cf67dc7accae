// The port an ASP.NET Core app listens on, by the precedence the host itself applies: Kestrel endpoints
// in appsettings.json, then ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS set in the Dockerfile (environment
// beats appsettings' `Urls`), then appsettings' `Urls` / `HTTP_PORTS`, then the environment variables of
// Properties/launchSettings.json. launchSettings' `applicationUrl` is ignored: it holds random dev ports.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { asRecord, asString } from '../../../parse/structured';

const URL_VARS = ['ASPNETCORE_URLS', 'ASPNETCORE_HTTP_PORTS', 'HTTP_PORTS'];

export function aspnetConfigPort(ctx: AppContext): Fact<number> | null {
  return kestrelEndpoint(ctx) ?? dockerfileEnv(ctx) ?? appsettingsUrls(ctx) ?? launchSettings(ctx);
}

function kestrelEndpoint(ctx: AppContext): Fact<number> | null {
  const endpoints = asRecord(asRecord(asRecord(appsettings(ctx))?.Kestrel)?.Endpoints) ?? {};
  for (const [name, ep] of Object.entries(endpoints)) {
    const port = portOf(asString(asRecord(ep)?.Url), 'ASPNETCORE_URLS');
    if (port) return ctx.fact(port, 'appsettings.json', `Kestrel.Endpoints.${name}.Url`);
  }
  return null;
}

function dockerfileEnv(ctx: AppContext): Fact<number> | null {
  const lines = (ctx.read('Dockerfile') ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*ENV\s/i.test(lines[i])) continue;
    for (const m of lines[i].matchAll(/\b(ASPNETCORE_URLS|ASPNETCORE_HTTP_PORTS)(?:=|\s+)["']?([^"'\s]+)/g)) {
      const port = portOf(m[2], m[1]);
      if (port) return ctx.fact(port, 'Dockerfile', i + 1);
    }
  }
  return null;
}

function appsettingsUrls(ctx: AppContext): Fact<number> | null {
  const settings = asRecord(appsettings(ctx)) ?? {};
  for (const key of ['Urls', 'urls', 'HTTP_PORTS', 'http_ports']) {
    const port = portOf(asString(settings[key]), key.toLowerCase() === 'urls' ? 'ASPNETCORE_URLS' : 'HTTP_PORTS');
    if (port) return ctx.fact(port, 'appsettings.json', key);
  }
  return null;
}

function launchSettings(ctx: AppContext): Fact<number> | null {
  const file = 'Properties/launchSettings.json';
  const profiles = ctx.has(file) ? asRecord(asRecord(ctx.json(file))?.profiles) ?? {} : {};
  for (const [name, profile] of Object.entries(profiles)) {
    const vars = asRecord(asRecord(profile)?.environmentVariables) ?? {};
    for (const v of URL_VARS) {
      const port = portOf(asString(vars[v]), v);
      if (port) return ctx.fact(port, file, `profiles.${name}.environmentVariables.${v}`);
    }
  }
  return null;
}

function appsettings(ctx: AppContext): unknown {
  return ctx.has('appsettings.json') ? ctx.json('appsettings.json') : undefined;
}

/** First HTTP port of `http://+:5000;https://+:5001` or of a port list like `8080;8081`. */
export function portOf(value: string | undefined, variable: string): number | undefined {
  if (!value) return undefined;
  const parts = value.split(/[;,]/).map((p) => p.trim()).filter(Boolean);
  const first = variable.endsWith('URLS') ? parts.find((p) => /^http:/i.test(p)) ?? parts[0] : parts[0];
  const m = variable.endsWith('URLS') ? first?.match(/^https?:\/\/[^/]*:(\d+)/i) : first?.match(/^(\d+)$/);
  const n = m ? Number(m[1]) : NaN;
  return n > 0 && n < 65536 ? n : undefined;
}
