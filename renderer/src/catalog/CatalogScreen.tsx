import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../counter/useCatalog';
import { CategoriesTab } from './CategoriesTab';
import { GroupsTab } from './GroupsTab';
import { ImportTab } from './ImportTab';
import { ProductsTab } from './ProductsTab';
import { FormError } from '../components/Field';

const TABS = ['products', 'categories', 'groups', 'import'] as const;
type Tab = (typeof TABS)[number];

/** The menu: products (with modifier groups and combos), categories, modifier groups, and CSV import and export. */
export function CatalogScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('products');
  const { catalog, error, reload } = useCatalog(true);

  return (
    <div className="page-content page-content-wide" data-testid="catalog-screen">
      <div className="page-header">
        <div>
          <h1>{t('catalog.title')}</h1>
          <p className="muted">
            {catalog
              ? t('catalog.summary', { products: catalog.snapshot.products.length, categories: catalog.snapshot.categories.length, groups: catalog.snapshot.modifierGroups.length })
              : t('catalog.subtitle')}
          </p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('catalog.title')}>
        {TABS.map((item) => (
          <button key={item} type="button" role="tab" aria-selected={tab === item} className="tab" onClick={() => setTab(item)} data-testid={`catalog-tab-${item}`}>
            {t(`catalog.tabs.${item}`)}
          </button>
        ))}
      </div>
      <FormError message={error} />
      {!catalog && !error && <p className="muted">{t('common.loading')}</p>}
      {catalog && tab === 'products' && <ProductsTab catalog={catalog} onSaved={() => void reload()} />}
      {catalog && tab === 'categories' && <CategoriesTab catalog={catalog} onSaved={() => void reload()} />}
      {catalog && tab === 'groups' && <GroupsTab catalog={catalog} onSaved={() => void reload()} />}
      {tab === 'import' && <ImportTab onImported={() => void reload()} />}
    </div>
  );
}
