import type { SameKeys } from '../i18n/shape';

/**
 * The recovery screen's texts, plugged into the dictionaries as `recovery` (see i18n/pt-BR.ts and
 * i18n/en.ts). The English object has the same keys (checked by its type).
 */
export const recoveryPtBR = {
  title: 'O banco de dados está danificado',
  problem: 'O Balcão não conseguiu abrir o banco deste terminal: {{problem}}',
  what: 'Escolha um backup para colocar no lugar. O arquivo danificado fica guardado ao lado (não é apagado). As vendas feitas depois do backup voltam do servidor da loja se a sincronização estava ligada; senão, ficam perdidas.',
  newest: 'Mais recente',
  none: 'Não há nenhum backup neste computador. Copie um backup (de um pendrive) para a pasta {{folder}} e clique em Atualizar, ou chame o suporte.',
  refresh: 'Atualizar',
  restore: 'Restaurar este',
  otherDevice: 'A recuperação só pode ser feita no próprio computador do caixa.',
  columns: { when: 'Data do backup', reason: 'Motivo', size: 'Tamanho' },
};

export const recoveryEn: SameKeys<typeof recoveryPtBR> = {
  title: 'The database is damaged',
  problem: "Balcão could not open this terminal's database: {{problem}}",
  what: "Choose a backup to put in its place. The damaged file is kept beside it (never deleted). The sales made after the backup come back from the shop's server if sync was on; otherwise they are lost.",
  newest: 'Newest',
  none: 'There is no backup on this computer. Copy one (from a USB stick) into the folder {{folder}} and click Refresh, or call support.',
  refresh: 'Refresh',
  restore: 'Restore this one',
  otherDevice: "Recovery can only be done on the till's own computer.",
  columns: { when: 'Backup date', reason: 'Reason', size: 'Size' },
};
