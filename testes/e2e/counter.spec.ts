import { test } from '@playwright/test';
test('x', async () => { console.log('COUNTER at', Date.now()); });
