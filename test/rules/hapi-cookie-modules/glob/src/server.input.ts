import Hapi from '@hapi/hapi';
import glob from 'glob';
import path from 'node:path';

export async function start() {
  const server = Hapi.server({ port: 8080 });
  for (const file of glob.sync('src/state/*.ts')) {
    const { name, options } = await import(path.resolve(file));
    server.state(name, options);
  }
  await server.start();
}
