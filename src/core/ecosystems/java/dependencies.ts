// java: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the java provider reports them).
import type { DependencyTables } from '../../platform/system-packages';

const SPRING = 'org.springframework.boot:spring-boot-starter-';

export const dependencies: DependencyTables = {
  services: {
    postgres: ['org.postgresql:postgresql', 'org.postgresql:r2dbc-postgresql'],
    mysql: ['mysql:mysql-connector-java', 'com.mysql:mysql-connector-j'],
    redis: [`${SPRING}data-redis`, `${SPRING}data-redis-reactive`, 'redis.clients:jedis', 'io.lettuce:lettuce-core'],
    mongodb: [`${SPRING}data-mongodb`, `${SPRING}data-mongodb-reactive`, 'org.mongodb:mongodb-driver-sync', 'org.mongodb:mongodb-driver-reactivestreams'],
    rabbitmq: [`${SPRING}amqp`, 'com.rabbitmq:amqp-client'],
    kafka: ['org.springframework.kafka:spring-kafka', 'org.apache.kafka:kafka-clients'],
    elasticsearch: [`${SPRING}data-elasticsearch`, 'co.elastic.clients:elasticsearch-java'],
    memcached: ['net.spy:spymemcached'],
  },
  native: {},
};
