import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Balcão keeps its database, logs and backups: BALCAO_DATA_DIR, else the OS's app-data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BALCAO_DATA_DIR) return env.BALCAO_DATA_DIR;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Balcao');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Balcao');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'balcao');
}

export const DATABASE_FILE = 'balcao.sqlite3';
export const LOGS_DIR = 'logs';
/** The automatic copies of the database (see src/database/backups.ts). */
export const BACKUPS_DIR = 'backups';
