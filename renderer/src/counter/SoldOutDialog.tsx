import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../src/models/catalog';
import { Modal } from '../components/Modal';

/**
 * "Esgotar" asks first: it takes the product off every caixa at once, so a stray tap at lunch must
 * not do it. Reached from the product's menu (right click or long press), never from the tile's tap.
 */
export function SoldOutDialog({ product, onConfirm, onClose }: { product: ProductView; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('counter.soldOutTitle', { name: product.name })} onClose={onClose} testId="sold-out-dialog" size="small">
      <div className="form-stack">
        <p>{t('counter.soldOutText', { name: product.name })}</p>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose} data-autofocus data-testid="sold-out-cancel">
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-danger" onClick={onConfirm} data-testid="sold-out-confirm">
            {t('counter.markSoldOut')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
