import type { SameKeys } from '../i18n/shape';

/**
 * The customer's display: what the customer reads facing the counter (large type), and its settings in
 * Configurações. Plugged into the dictionaries as `display` (i18n/pt-BR.ts and i18n/en.ts).
 */
export const displayPtBR = {
  screen: {
    welcome: 'Bem-vindo!',
    yourOrder: 'Seu pedido',
    quantity: '{{count}}×',
    discount: 'Desconto',
    subtotal: 'Subtotal',
    total: 'Total',
    pixTitle: 'Pague com PIX: {{amount}}',
    pixScan: 'Aponte a câmera do app do seu banco para o QR',
    pixCopyPaste: 'PIX copia e cola',
    thanks: 'Obrigado!',
    orderNumber: 'Pedido {{number}}',
    change: 'Troco: {{amount}}',
    rate: 'Conte como foi: avalie seu pedido no tablet da saída com o código',
    waiting: 'Aguardando o caixa deste computador',
    waitingText: 'Entre no caixa (com o seu PIN) na outra janela: esta tela mostra o carrinho dele.',
  },
  settings: {
    title: 'Tela do cliente',
    text: 'O cliente vê o carrinho, o total, o QR do PIX e o troco numa tela virada para ele: um tablet pareado (Dispositivos) ou o segundo monitor deste computador.',
    color: 'Cor da loja na tela do cliente',
    slidesFolder: 'Pasta das imagens (slides quando não há venda)',
    slidesHint: 'Caminho completo de uma pasta deste computador, com imagens PNG, JPEG, WebP ou GIF de até 4 MB. Em branco: só o nome da loja.',
    slidesCount_one: '{{count}} imagem na pasta.',
    slidesCount_other: '{{count}} imagens na pasta.',
    secondWindow: 'Display do cliente nesta tela (abre no segundo monitor do programa desktop)',
    openWindow: 'Abrir a tela do cliente numa janela',
    save: 'Salvar',
    saved: 'Tela do cliente salva.',
  },
};

export const displayEn: SameKeys<typeof displayPtBR> = {
  screen: {
    welcome: 'Welcome!',
    yourOrder: 'Your order',
    quantity: '{{count}}×',
    discount: 'Discount',
    subtotal: 'Subtotal',
    total: 'Total',
    pixTitle: 'Pay with PIX: {{amount}}',
    pixScan: "Point your bank app's camera at the QR",
    pixCopyPaste: 'PIX copy and paste',
    thanks: 'Thank you!',
    orderNumber: 'Order {{number}}',
    change: 'Change: {{amount}}',
    rate: 'Tell us how it went: rate your order on the tablet by the exit with the code',
    waiting: "Waiting for this computer's counter",
    waitingText: 'Log in to the counter (with your PIN) in the other window: this screen shows its cart.',
  },
  settings: {
    title: 'Customer display',
    text: 'The customer sees the cart, the total, the PIX QR and the change on a screen facing them: a paired tablet (Devices) or this computer’s second monitor.',
    color: "Shop colour on the customer's display",
    slidesFolder: 'Image folder (slides when no sale is open)',
    slidesHint: 'Full path of a folder on this computer, with PNG, JPEG, WebP or GIF images up to 4 MB. Blank: the shop’s name only.',
    slidesCount_one: '{{count}} image in the folder.',
    slidesCount_other: '{{count}} images in the folder.',
    secondWindow: 'Customer display on this screen (opens on the desktop app’s second monitor)',
    openWindow: 'Open the customer display in a window',
    save: 'Save',
    saved: 'Customer display saved.',
  },
};
