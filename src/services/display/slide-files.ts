import { open, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BusinessError } from '../../exceptions/business-error.js';
import { isSlideName, SLIDE_MAX_BYTES, slideContentType, slideNames } from './slide-rules.js';

const NOT_FOUND = () => new BusinessError('NOT_FOUND', 'Imagem não encontrada na pasta de slides.', 'name');
const TOO_LARGE = () => new BusinessError('VALIDATION', `A imagem passa de ${SLIDE_MAX_BYTES / 1024 / 1024} MB: diminua o arquivo.`, 'name');

/** The pictures of the slides folder (none when the folder is gone or unreadable: the display shows the shop's name). */
export async function listSlides(folder: string | null): Promise<string[]> {
  if (!folder) return [];
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return slideNames(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
  } catch {
    return [];
  }
}

/**
 * One picture of the folder, whole. The real path must still sit in the real folder (a link inside it
 * pointing elsewhere is refused), and the bytes must be the picture the name says, below the size limit.
 */
export async function readSlide(folder: string | null, name: string): Promise<{ contentType: string; bytes: Buffer }> {
  if (!folder) throw new BusinessError('NOT_FOUND', 'Nenhuma pasta de slides foi escolhida em Configurações.', 'name');
  if (!isSlideName(name)) throw new BusinessError('VALIDATION', 'Nome de imagem inválido: só PNG, JPEG, WebP ou GIF da pasta de slides.', 'name');
  let file: string;
  try {
    const [realFolder, realFile] = await Promise.all([realpath(folder), realpath(join(folder, name))]);
    if (dirname(realFile) !== realFolder) throw NOT_FOUND();
    file = realFile;
  } catch (error) {
    if (error instanceof BusinessError) throw error;
    throw NOT_FOUND();
  }
  const info = await stat(file);
  if (!info.isFile()) throw NOT_FOUND();
  if (info.size > SLIDE_MAX_BYTES) throw TOO_LARGE();
  const handle = await open(file, 'r');
  try {
    const bytes = await handle.readFile();
    if (bytes.length > SLIDE_MAX_BYTES) throw TOO_LARGE();
    const contentType = slideContentType(name, bytes.subarray(0, 16));
    if (!contentType) throw new BusinessError('VALIDATION', 'O arquivo não é a imagem que o nome diz (PNG, JPEG, WebP ou GIF).', 'name');
    return { contentType, bytes };
  } finally {
    await handle.close();
  }
}
