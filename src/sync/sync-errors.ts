import { MongoNetworkError, MongoParseError, MongoServerError, MongoServerSelectionError } from 'mongodb';

const CONNECTION_STRING = /mongodb(\+srv)?:\/\/\S+/gi;

/** Never a connection string in a message that may be shown or logged: it can hold a password. */
export const withoutConnectionStrings = (text: string): string => text.replace(CONNECTION_STRING, '[endereço do banco]');

export const INVALID_CONNECTION_STRING =
  'Endereço de conexão inválido: copie de novo do Atlas; na senha, caracteres como @ : / precisam ir codificados (@ vira %40).';

/** Why a round failed, in words for the staff (pt-BR), with no secret in it. */
export function describeSyncError(error: unknown): string {
  if (error instanceof MongoParseError) return INVALID_CONNECTION_STRING;
  if (error instanceof MongoServerSelectionError || error instanceof MongoNetworkError) {
    return 'Servidor da loja inacessível: sem internet, endereço errado ou este IP não liberado no Atlas.';
  }
  if (error instanceof MongoServerError) {
    if (error.code === 18) return 'O servidor da loja recusou o usuário ou a senha do banco.';
    if (error.code === 13) return 'O usuário do banco não tem permissão (precisa de readWrite no banco da loja).';
    return `O servidor da loja recusou a operação: ${withoutConnectionStrings(error.message)}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return withoutConnectionStrings(message);
}
