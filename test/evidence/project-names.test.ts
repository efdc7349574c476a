import { describe, expect, it } from 'vitest';
import { manifestProjectName } from '../../src/evidence/project-names.js';
import { Source } from '../../src/evidence/source.js';

const manifest = (file: string, text: string) => new Source(file, text, 'manifest');

describe('manifestProjectName', () => {
  it('reads the name of an npm package (without its scope), a pyproject and a setup.py', () => {
    expect(
      manifestProjectName(
        manifest('package.json', '{\n  "name": "@acme/Shop",\n  "version": "1.0.0"\n}\n'),
        'package.json',
      ),
    ).toBe('shop');
    expect(
      manifestProjectName(
        manifest('pyproject.toml', '[project]\nname = "linkding"\nversion = "1"\n'),
        'pyproject',
      ),
    ).toBe('linkding');
    expect(manifestProjectName(manifest('setup.py', 'setup(\n    name="wger",\n)\n'), 'setup')).toBe('wger');
  });

  it('is null for a requirements file or a manifest without a name', () => {
    expect(manifestProjectName(manifest('requirements.txt', 'name==1.0\n'), 'requirements')).toBeNull();
    expect(manifestProjectName(manifest('package.json', '{ "private": true }\n'), 'package.json')).toBeNull();
  });
});
