/**
 * The update texts (the "Atualizações" section of Configurações and the "O que mudou" dialog), plugged
 * into the dictionaries as `updates` (see i18n/pt-BR.ts and i18n/en.ts). The English object has the
 * same keys (checked by its type).
 */
export const updatesPtBR = {
  title: 'Atualizações',
  text: 'O Balcão instalado se atualiza sozinho: procura uma versão nova logo depois de abrir e a cada 4 horas, baixa em segundo plano e só instala com o caixa deste terminal fechado e sem pedido em aberto (ou ao fechar o programa).',
  version: 'Versão em uso',
  channel: 'Canal',
  channels: {
    latest: 'Estável (latest)',
    beta: 'Beta: versões de teste antes de todos',
  },
  channelHint: 'Vale para todos os terminais da loja. Quem sai do beta espera a próxima versão estável, sem voltar para uma mais antiga.',
  hold: 'Suspender as atualizações',
  holdHint: 'Nada é baixado nem instalado até liberar (por exemplo, numa semana de movimento).',
  save: 'Salvar',
  saving: 'Salvando…',
  saved: 'Preferências de atualização salvas.',
  checkNow: 'Verificar agora',
  checking: 'Verificando…',
  state: 'Situação',
  lastCheck: 'Última verificação: {{time}}',
  neverChecked: 'Ainda não verificou nesta sessão do programa.',
  phases: {
    idle: 'Em dia',
    checking: 'Procurando atualização…',
    downloading: 'Baixando a versão {{version}}: {{progress}}%',
    ready: 'Versão {{version}} baixada, pronta para instalar.',
    held: 'Versão {{version}} disponível; atualizações suspensas.',
    error: 'A última tentativa falhou',
  },
  progressLabel: 'Progresso do download',
  heldBadge: 'Suspensas',
  whatsNew: {
    title: 'O que mudou na versão {{version}}',
    intro: 'O Balcão foi atualizado. Estas são as novidades desde a versão anterior deste terminal:',
    versionHeading: 'Versão {{version}}',
    close: 'Entendi',
  },
};

export const updatesEn: typeof updatesPtBR = {
  title: 'Updates',
  text: 'The installed Balcão updates itself: it looks for a new version right after opening and every 4 hours, downloads it in the background and installs it only with this terminal’s caixa closed and no open order (or when the program is closed).',
  version: 'Version in use',
  channel: 'Channel',
  channels: {
    latest: 'Stable (latest)',
    beta: 'Beta: test versions before everyone',
  },
  channelHint: 'Applies to every terminal of the shop. Leaving beta waits for the next stable version, never going back to an older one.',
  hold: 'Hold updates',
  holdHint: 'Nothing is downloaded or installed until released (for a busy week, say).',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Update preferences saved.',
  checkNow: 'Check now',
  checking: 'Checking…',
  state: 'Status',
  lastCheck: 'Last check: {{time}}',
  neverChecked: 'Not checked yet since the program started.',
  phases: {
    idle: 'Up to date',
    checking: 'Looking for an update…',
    downloading: 'Downloading version {{version}}: {{progress}}%',
    ready: 'Version {{version}} downloaded, ready to install.',
    held: 'Version {{version}} available; updates held.',
    error: 'The last attempt failed',
  },
  progressLabel: 'Download progress',
  heldBadge: 'Held',
  whatsNew: {
    title: 'What changed in version {{version}}',
    intro: 'Balcão was updated. These are the changes since this terminal’s previous version:',
    versionHeading: 'Version {{version}}',
    close: 'Got it',
  },
};
