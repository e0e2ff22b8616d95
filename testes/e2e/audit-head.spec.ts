import { v7 as uuidv7 } from 'uuid';
import { expect, test } from '@playwright/test';
import { api, login, signIn } from './session.js';

// The audit chain's head outside the database, as a manager meets it: on the Z report (screen and the
// 80 mm print) and in "Verificar integridade", which names each witness it compared with.

const ADMIN = { name: 'Ana Admin', pin: '480135' };
const COUNTED = { cash: 0, debit: 0, credit: 0, voucher: 0, pix: 0 };

interface Z {
  session: { id: string };
  auditHead: { seq: number; hash: string };
}

test('the Z report shows and prints the audit head; Verificar integridade compares the chain with it', async ({ page, request }) => {
  const token = await login(request, ADMIN);
  const current = await api<{ session: { id: string } | null }>(request, token, 'cash.current', {});
  const sessionId = current.session?.id ?? (await api<{ id: string }>(request, token, 'cash.open', { id: uuidv7(), openingFloat: 0 })).id;
  const z = await api<Z>(request, token, 'cash.close', { sessionId, counted: COUNTED });
  const line = `Auditoria: registro nº ${z.auditHead.seq} · hash ${z.auditHead.hash.slice(0, 16)}`;

  await signIn(page, ADMIN);
  await test.step('the Z report of the closed caixa shows the head at its close, and prints it', async () => {
    await page.getByTestId('nav-caixa-sessao').click();
    await page.getByTestId('cash-session-row').first().getByTestId('session-report').click();
    const report = page.getByTestId('z-report');
    await expect(report.getByTestId('report-audit')).toHaveText(line);
    await report.getByTestId('report-print').click();
    await expect(page.locator('iframe.print-frame').last()).toHaveAttribute('srcdoc', new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  await test.step('Verificar integridade agrees with the printed Z and the file beside the database', async () => {
    await page.getByTestId('nav-auditoria').click();
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await expect(result).toContainText(/Corrente íntegra: \d+ registros/);
    await expect(result.locator('[data-source="z"]')).toHaveAttribute('data-verdict', 'agrees');
    await expect(result.locator('[data-source="z"]')).toContainText(`Confere com o último relatório Z impresso: registro nº ${z.auditHead.seq}`);
    await expect(result.locator('[data-source="file"]')).toHaveAttribute('data-verdict', 'agrees');
  });
});
