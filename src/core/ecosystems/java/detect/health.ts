// Health endpoints a JVM framework serves on its own once the health module is on the classpath: Spring
// Boot Actuator (`/actuator/health`, moved by management.endpoints.web.base-path) and Quarkus SmallRye
// Health (`/q/health`). None when the actuator listens on a separate management port: a probe of the app
// port would miss it.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import type { Dependency } from '../../../detect/provider';
import { configValue } from './config-port';

export function frameworkHealthPath(ctx: AppContext, deps: Dependency[]): Fact<string> | null {
  const actuator = deps.find((d) => d.name === 'org.springframework.boot:spring-boot-starter-actuator');
  if (actuator) {
    if (configValue(ctx, 'management.server.port') !== undefined) return null;
    const base = configValue(ctx, 'management.endpoints.web.base-path');
    const prefix = base === undefined ? '/actuator' : base.value.replace(/\/+$/, '');
    return { value: `${prefix}/health`, source: base?.source ?? actuator.source };
  }
  const smallrye = deps.find((d) => d.name === 'io.quarkus:quarkus-smallrye-health');
  return smallrye ? { value: '/q/health', source: smallrye.source } : null;
}
