// Health probe with PHP's own stream functions: the runtime images have no curl.
import type { HealthProbe } from '../../generate/dockerfile/render';

export const phpHealth: HealthProbe = ({ url, port, path }) => ['php', '-r', path
  ? `exit(@file_get_contents('${url}') === false ? 1 : 0);`
  : `exit(@fsockopen('127.0.0.1', ${port}) ? 0 : 1);`];
