// A real nginx in front of the server, as a residence's IT puts it: TLS with a self-signed
// certificate on loopback, the client's address forwarded, the event stream unbuffered. It runs
// unprivileged from a temporary folder (every path nginx writes to is set there).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './wait.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => { try { execFileSync(path, ['-v'], { stdio: 'ignore' }); return true; } catch { return false; } });

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The server's site in nginx's terms, as docs/deploy.md gives it. */
function site(port, upstream, dir) {
  return `
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    client_max_body_size 32m;
    location / {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
    location = /api/v1/events {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

/** Starts nginx on a free port in front of `upstream` ("127.0.0.1:8080"); returns its URL. */
export async function startProxy(upstream, port) {
  if (!NGINX) throw new Error('nginx is missing: scripts/setup test installs it');
  const dir = await mkdtemp(join(tmpdir(), 'plantzette-nginx-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '2'], { stdio: 'ignore' });
  await writeFile(`${dir}/nginx.conf`, site(port, upstream, dir));
  const child = spawn(NGINX, ['-c', `${dir}/nginx.conf`, '-p', dir], { stdio: 'ignore' });
  const url = `https://127.0.0.1:${port}`;
  // Listening once the port is taken.
  await until(`nginx listening (see ${dir}/error.log)`, () => new Promise((resolve) => {
    const socket = createServer().listen(port, '127.0.0.1');
    socket.once('listening', () => socket.close(() => resolve(false)));
    socket.once('error', () => resolve(true));
  }), { seconds: 5 });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export { freePort };
