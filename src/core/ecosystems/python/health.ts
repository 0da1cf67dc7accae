// Health probe with Python's own urllib/socket: the runtime images have no curl.
import type { HealthProbe } from '../../generate/dockerfile/render';

export const pythonHealth: HealthProbe = ({ url, port, path }) => ['python3', '-c', path
  ? `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`
  : `import socket; socket.create_connection(('127.0.0.1', ${port}), 4)`];
