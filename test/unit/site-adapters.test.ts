/** Every site adapter has a fixture page in its site's style, and the browser suite opens it. */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SITE_ADAPTERS } from '../../src/content/sites/adapters';

const suite = readFileSync('test/e2e/page-suite.ts', 'utf8');

test.each(SITE_ADAPTERS.map((adapter) => adapter.name))(
  'the %s adapter has a fixture and a browser test',
  (name) => {
    const fixture = `test/fixtures/pages/sites/${name}.html`;
    expect(existsSync(fixture), fixture).toBe(true);
    const html = readFileSync(fixture, 'utf8');
    expect(html).toContain('id="relevant"');
    expect(html).toContain('id="unrelated"');
    expect(suite).toContain(`['${name}',`);
  },
);
