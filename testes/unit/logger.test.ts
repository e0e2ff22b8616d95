import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src/logs/file-logger.js';
import { formatLogLine, loggerFrom, redactFields } from '../../src/logs/logger.js';
import { MemoryLogger } from '../../src/logs/memory-logger.js';

describe('logger', () => {
  it('removes secrets at any depth, by key', () => {
    const out = redactFields({
      pin: '2580',
      adminPin: '480135',
      nested: { token: 'abc', Authorization: 'Bearer x', list: [{ overrideToken: 't' }], name: 'Ana' },
      mongodbUri: 'mongodb+srv://u:p@h',
    });
    expect(JSON.stringify(out)).not.toMatch(/2580|480135|abc|Bearer|"t"|mongodb\+srv/);
    expect((out.nested as { name: string }).name).toBe('Ana');
  });

  it('never carries a query string of a URL path (a live-stream token) in any log line', () => {
    const lines: string[] = [];
    const logger = loggerFrom((record) => lines.push(formatLogLine(record)));
    logger.error('Falha em /api/events?token=EViwpfrUOU7OVdklGnt_T4JL46r_AC7eH_wK4G3hvck', { path: '/api/events?token=abc123secret&x=1', note: 'Pedido A-042?' });
    expect(lines.join('\n')).not.toMatch(/EViwpfrU|abc123secret/);
    expect(lines[0]).toContain('/api/events');
    expect(lines[0]).toContain('Pedido A-042?');
  });

  it('keeps an error’s stack', () => {
    const memory = new MemoryLogger();
    memory.logger.error('falhou', { error: new Error('boom') });
    expect(memory.records[0]!.fields.error).toMatchObject({ message: 'boom', stack: expect.stringContaining('Error: boom') });
  });

  it('the file logger rotates by size and keeps a bounded number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-log-'));
    const logger = createFileLogger({ dir, maxBytes: 400, keep: 2, echoLevel: null });
    for (let i = 0; i < 40; i++) logger.info(`linha ${i}`, { pin: '2580', i });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['balcao.1.log', 'balcao.2.log', 'balcao.log']);
    const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    expect(text).toContain('linha 39');
    expect(text).not.toContain('2580');
  });

  it('drops a record below its level before building it: its fields are never read', () => {
    const written: string[] = [];
    const logger = loggerFrom((record) => written.push(record.message), { minLevel: 'info' });
    let reads = 0;
    const fields = {
      get operation() {
        reads++;
        return 'orders.create';
      },
    };
    logger.debug('operação', fields);
    expect({ written, reads }).toEqual({ written: [], reads: 0 });
    logger.info('operação', fields);
    expect({ written, reads }).toEqual({ written: ['operação'], reads: 1 });
  });

  it('the file logger leaves out records below its level', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-log-'));
    const logger = createFileLogger({ dir, echoLevel: null });
    logger.debug('operação', { operation: 'system.ping' });
    logger.info('aberto');
    expect(readFileSync(join(dir, 'balcao.log'), 'utf8')).toMatch(/^\S+ INFO aberto\n$/);
  });
});
