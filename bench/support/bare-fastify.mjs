// The yardstick of `npm run bench -- public`: a bare Fastify 5 process (no plugins, no logger) that answers each
// URL with the very bytes the platform answered it with (status, header lines, body), read from the JSON file named
// by the first argument. Prints "listening <port>" once ready.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const answers = new Map(Object.entries(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
const app = Fastify({ logger: false });
app.get('/*', (request, reply) => {
  const answer = answers.get(request.url);
  if (!answer) return reply.code(404).send('not recorded');
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
});
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${app.server.address().port}\n`);
