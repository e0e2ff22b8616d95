import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '/work/wt/i12-secrets/src/app.ts';
import { AuditHeadFile } from '/work/wt/i12-secrets/src/database/audit-head-file.ts';
import { MemoryLogger } from '/work/wt/i12-secrets/src/logs/memory-logger.ts';
const dir = mkdtempSync(join(tmpdir(), 'measure-'));
const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger, webhooks: { autoStart: false }, sync: { autoStart: false } });
await app.dispatcher.dispatch('setup.initialize', { shopName: 'X', terminalLetter: 'A', adminName: 'Ana Admin', adminPin: '480135' }, null);
const file = new AuditHeadFile(join(dir, 'w.json'));
const n = 300; const times: number[] = [];
for (let i = 0; i < n; i++) { app.db.prepare("INSERT INTO meta (key, value) VALUES ('x', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(i)); }
for (let i = 0; i < n; i++) { const s = performance.now(); file.checkpoint(app.db, i); times.push(performance.now() - s); }
const unchanged = times.sort((a,b)=>a-b)[n/2];
// A changed head each time: append an audit row between checkpoints.
const { appendAudit } = await import('/work/wt/i12-secrets/src/database/queries/audit.ts');
const changed: number[] = [];
for (let i = 0; i < n; i++) { appendAudit(app.db, { id: String(i), at: i, terminalId: 't', userId: null, userName: null, action: 'x', recordType: null, recordId: null, result: 'ok', approverId: null, approverName: null, details: {} }); const s = performance.now(); file.checkpoint(app.db, i); changed.push(performance.now() - s); }
console.log('checkpoint median ms: unchanged', unchanged.toFixed(3), 'changed head', changed.sort((a,b)=>a-b)[n/2]!.toFixed(3));
app.close();
