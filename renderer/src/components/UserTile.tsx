import { useTranslation } from 'react-i18next';
import type { Role } from '../roles';

const AVATAR_HUES = [18, 200, 145, 265, 330, 40, 175, 230];

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AVATAR_HUES[hash % AVATAR_HUES.length] ?? 200;
}

export function Avatar({ name, size = 'medium' }: { name: string; size?: 'small' | 'medium' | 'large' }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ '--avatar-hue': hueOf(name) } as React.CSSProperties} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function UserTile({ name, role, onSelect }: { name: string; role: Role; onSelect: () => void }) {
  const { t } = useTranslation();
  const roleLabel = t(`roles.${role}`);
  return (
    <button type="button" className="user-tile" data-testid="user-tile" aria-label={`${name}, ${roleLabel}`} onClick={onSelect}>
      <Avatar name={name} size="large" />
      <span className="user-tile-name">{name}</span>
      <span className="user-tile-role">{roleLabel}</span>
    </button>
  );
}
