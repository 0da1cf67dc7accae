// JVM frameworks, told apart by the coordinates of what a build declares, with where each reads its port.
export interface JavaFramework {
  name: string;
  /** The property holding the HTTP port in application.properties / application.yml. */
  portKey: string;
  defaultPort: number;
}

export const SPRING_BOOT: JavaFramework = { name: 'spring-boot', portKey: 'server.port', defaultPort: 8080 };
const QUARKUS: JavaFramework = { name: 'quarkus', portKey: 'quarkus.http.port', defaultPort: 8080 };
const MICRONAUT: JavaFramework = { name: 'micronaut', portKey: 'micronaut.server.port', defaultPort: 8080 };

/** The framework a `group:artifact` (dependency or plugin) belongs to. */
export function frameworkOf(coordinate: string): JavaFramework | undefined {
  if (coordinate.startsWith('org.springframework.boot:')) return SPRING_BOOT;
  if (coordinate.startsWith('io.quarkus:') || coordinate.startsWith('io.quarkus.platform:')) return QUARKUS;
  if (coordinate.startsWith('io.micronaut')) return MICRONAUT;
  return undefined;
}
