// Counts visits in Redis. Run it with `parity up examples/node-redis`; Parity starts Redis next to it and
// sets REDIS_URL.
const http = require('node:http');
const { createClient } = require('redis');

const port = Number(process.env.PORT || 3000);
const redis = createClient({ url: process.env.REDIS_URL || 'redis://localhost:6379' });
redis.on('error', (err) => console.error('redis:', err.message));

const server = http.createServer(async (req, res) => {
  try {
    if (req.url === '/healthz') {
      await redis.ping();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    if (req.url === '/') {
      const visits = await redis.incr('visits');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ visits }) + '\n');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  } catch (err) {
    res.writeHead(503, { 'content-type': 'text/plain' }).end(`redis unavailable: ${err.message}\n`);
  }
});

redis.connect().then(() => {
  server.listen(port, () => console.log(`listening on ${port}`));
}, (err) => {
  console.error('cannot reach redis:', err.message);
  process.exit(1);
});

process.on('SIGTERM', () => server.close(() => redis.quit().finally(() => process.exit(0))));
