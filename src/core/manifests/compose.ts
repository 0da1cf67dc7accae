// docker compose files: per service, the environment names it sets, whether it loads env files, and the
// container side of its published ports.
import { parseYamlDocs, asRecord, asString } from '../parse/structured';

export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export interface ComposeService {
  file: string;
  name: string;
  env: string[];
  envFiles: string[];
  containerPorts: number[];
}

export function parseCompose(file: string, text: string): ComposeService[] {
  const docs = parseYamlDocs(text);
  if (!docs.ok) return [];
  const services = asRecord(asRecord(docs.value[0])?.services) ?? {};
  return Object.entries(services).map(([name, raw]) => {
    const s = asRecord(raw) ?? {};
    const envRaw = s.environment;
    const env = Array.isArray(envRaw) ? envRaw.map((e) => String(e).split('=')[0]) : Object.keys(asRecord(envRaw) ?? {});
    const ef = s.env_file;
    const envFiles = (Array.isArray(ef) ? ef : ef === undefined ? [] : [ef]).map((e) => asString(asRecord(e)?.path) ?? String(e));
    const containerPorts = (Array.isArray(s.ports) ? s.ports : []).map((p) => {
      const rec = asRecord(p);
      if (rec) return Number(rec.target);
      const parts = String(p).split('/')[0].split(':');
      return parseInt(parts[parts.length - 1], 10);
    }).filter((n) => Number.isInteger(n));
    return { file, name, env, envFiles, containerPorts };
  });
}
