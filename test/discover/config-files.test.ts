// Configuration files a language's rules read are listed with the sources, whatever their extension.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/discover/list-files.js';

describe('configuration files', () => {
  it('lists INI settings and Spring Boot application properties / YAML, not other such files', () => {
    const root = mkdtempSync(join(tmpdir(), 'cookie-hardener-config-'));
    const files = [
      'src/main/resources/application.properties',
      'src/main/resources/application-prod.properties',
      'src/main/resources/messages.properties',
      'src/main/resources/application.yml',
      'config.yml',
      'production.ini',
      'README.md',
    ];
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), 'server.servlet.session.cookie.secure=false\n');
    }
    expect(discoverFiles(root, { paths: [], exclude: [] }).files.sort()).toEqual([
      'production.ini',
      'src/main/resources/application-prod.properties',
      'src/main/resources/application.properties',
      'src/main/resources/application.yml',
    ]);
  });
});
