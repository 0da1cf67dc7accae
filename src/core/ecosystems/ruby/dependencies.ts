// ruby: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the ruby provider reports them).
import type { DependencyTables } from '../../platform/system-packages';
import { RUBY_CC, LIBPQ, MYSQL_CLIENT, with_ } from '../../platform/system-packages';

export const dependencies: DependencyTables = {
  services: {
    postgres: ['pg'],
    mysql: ['mysql2'],
    redis: ['redis', 'sidekiq', 'resque'],
    mongodb: ['mongoid', 'mongo'],
    rabbitmq: ['bunny', 'sneakers'],
    kafka: ['ruby-kafka', 'rdkafka', 'karafka'],
    elasticsearch: ['elasticsearch', 'searchkick'],
    memcached: ['dalli'],
  },
  native: {
    'pg': with_(RUBY_CC, LIBPQ),
    'mysql2': with_(RUBY_CC, MYSQL_CLIENT),
    // nokogiri and sqlite3 ship precompiled gems for gnu and musl Linux and vendor libxml2/sqlite
    // when compiled: a toolchain only.
    'nokogiri': RUBY_CC,
    'sqlite3': RUBY_CC,
  },
};
