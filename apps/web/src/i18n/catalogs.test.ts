import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/** The Indonesian and English catalogs: complete, and in step with the messages in the source code. */
const WEB = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES = join(WEB, 'src/locales');
const scratch = mkdtempSync(join(tmpdir(), 'lancar-catalogs-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Entry {
  msgid: string;
  msgstr: string;
}

function unquote(line: string): string {
  return JSON.parse(line.slice(line.indexOf('"')));
}

function readPo(path: string): Entry[] {
  const entries: Entry[] = [];
  let current: Partial<Entry> = {};
  let field: 'msgid' | 'msgstr' | undefined;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('msgid ')) {
      current = { msgid: unquote(line) };
      field = 'msgid';
    } else if (line.startsWith('msgstr ')) {
      current.msgstr = unquote(line);
      field = 'msgstr';
      entries.push(current as Entry);
    } else if (line.startsWith('"') && field) {
      const last = field === 'msgstr' ? entries.at(-1) : current;
      if (last) last[field] = (last[field] ?? '') + unquote(line);
    }
  }
  return entries.filter((e) => e.msgid !== '');
}

/** Variable names in a message; the words inside plural branches ("one {Baby}") are text, not variables. */
const placeholders = (text: string) =>
  [...text.replace(/(zero|one|two|few|many|other|=\d+)\s*\{[^{}]*\}/g, '').matchAll(/\{(\w+)/g)]
    .map((m) => m[1])
    .sort();

describe('message catalogs', () => {
  const id = readPo(join(LOCALES, 'id.po'));
  const en = readPo(join(LOCALES, 'en.po'));

  it('translates every Indonesian message into English, keeping the placeholders', () => {
    assert.deepEqual(en.map((e) => e.msgid).sort(), id.map((e) => e.msgid).sort());
    const untranslated = en.filter((e) => e.msgstr.trim() === '').map((e) => e.msgid);
    assert.deepEqual(untranslated, [], 'fill these in src/locales/en.po');
    for (const entry of en) {
      assert.deepEqual(placeholders(entry.msgstr), placeholders(entry.msgid), `placeholders of "${entry.msgid}"`);
    }
  });

  it('holds exactly the messages the source code uses (run "npm run i18n:extract" after changing texts)', () => {
    const config = join(scratch, 'lingui.config.ts');
    writeFileSync(
      config,
      `export default { sourceLocale: 'id', locales: ['id'], rootDir: ${JSON.stringify(WEB)},
        catalogs: [{ path: ${JSON.stringify(join(scratch, '{locale}'))}, include: [${JSON.stringify(join(WEB, 'src'))}] }] };\n`,
    );
    const result = spawnSync(
      process.execPath,
      [join(WEB, '../../node_modules/@lingui/cli/dist/lingui.js'), 'extract', '--config', config],
      {
        cwd: WEB,
        encoding: 'utf8',
      },
    );
    assert.equal(result.status, 0, result.stderr);
    const extracted = readPo(join(scratch, 'id.po'))
      .map((e) => e.msgid)
      .sort();
    assert.deepEqual(id.map((e) => e.msgid).sort(), extracted);
  });
});
