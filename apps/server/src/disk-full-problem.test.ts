import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PgliteStoppedError } from '@lancar/db';
import type { FastifyRequest } from 'fastify';
import { toProblem } from './problem-handler.ts';

/** How a full disk reaches the person: the errors PGlite, PostgreSQL and Node give for it (issue 7). */
const request = {} as FastifyRequest;
const keyOf = (error: unknown) => toProblem(error, request, 'en').key;

describe('a full disk as a problem', () => {
  it('maps SQLSTATE 53100 and ENOSPC to 507 disk-full in both languages', () => {
    const fromPglite = Object.assign(new Error('could not extend file "base/5/16606": No space left on device'), {
      code: '53100',
      severity: 'ERROR',
    });
    const fromNode = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    assert.equal(keyOf(fromPglite), 'disk-full');
    assert.equal(keyOf(fromNode), 'disk-full');
    const en = toProblem(fromPglite, request, 'en').toDetails('en', undefined);
    const id = toProblem(fromPglite, request, 'id').toDetails('id', undefined);
    assert.equal(en.status, 507);
    assert.equal(en.title, 'The disk is full');
    assert.equal(id.title, 'Penyimpanan penuh');
    assert.match(id.detail ?? '', /tidak ada yang disimpan/);
  });

  it('maps a PGlite stopped by a PANIC to disk-full when the disk was full, else to database-unavailable', () => {
    const panic = (message: string, code: string) => Object.assign(new Error(message), { code, severity: 'PANIC' });
    const full = new PgliteStoppedError('PGlite at data', panic('could not write: No space left on device', '53100'));
    const other = new PgliteStoppedError('PGlite at data', panic('could not read block 0', 'XX001'));
    assert.equal(keyOf(full), 'disk-full');
    assert.equal(keyOf(other), 'database-unavailable');
    assert.match(other.message, /Restart Lancar/);
  });
});
