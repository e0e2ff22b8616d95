// Pure: no DOM, so plain Node tests build the same resources the screens use.

type Tree = { [key: string]: string | Tree };

/**
 * Brazilian Portuguese says "0 pedidos", but the CLDR rule i18next follows puts 0 with 1 ("0 pedido").
 * Every `key_other` gets a `key_zero` twin (which i18next looks up first when count is 0) unless the
 * text already has its own zero form ("Nenhum pedido").
 */
export function zeroTakesPlural<T extends Tree>(tree: T): T {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === 'string' ? value : zeroTakesPlural(value);
    const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : null;
    if (base !== null && typeof value === 'string' && !(`${base}_zero` in tree)) out[`${base}_zero`] = value;
  }
  return out as T;
}
