import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app-context.tsx';
import { routeHref, type Screen } from '../state/route.ts';
import { Icon, type IconName } from './icons.tsx';
import { Truncated } from './truncated.tsx';

type NavScreen = Extract<Screen, 'folders' | 'drop' | 'history' | 'administrations' | 'settings'>;

const ITEMS: { screen: NavScreen; icon: IconName }[] = [
  { screen: 'folders', icon: 'folder' },
  { screen: 'drop', icon: 'upload' },
  { screen: 'history', icon: 'clock' },
  { screen: 'administrations', icon: 'building' },
  { screen: 'settings', icon: 'gear' },
];

export function Sidebar({ current }: { current: Screen }): ReactElement {
  const { t } = useTranslation();
  const app = useApp();
  // Held files wait for the user's choice as failed ones wait for a fix: both need the user.
  const needsYou = (app.status?.counts.failed ?? 0) + (app.status?.counts.held ?? 0);
  const user = app.session?.user;
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="upload" size={18} />
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {ITEMS.map(({ screen, icon }) => (
            <li key={screen}>
              <a
                className="nav-link"
                href={routeHref(screen)}
                aria-current={screen === current ? 'page' : undefined}
              >
                <Icon name={icon} />
                <span>{t(`nav.${screen}`)}</span>
                {screen === 'history' && needsYou > 0 && (
                  <span
                    className="nav-badge"
                    aria-label={t('nav.attentionBadge', { count: needsYou })}
                  >
                    {needsYou}
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {user !== null && user !== undefined && (
        <a className="sidebar-user" href={routeHref('settings')}>
          <span className="avatar" aria-hidden="true">
            {(user.name ?? user.username).slice(0, 1).toUpperCase()}
          </span>
          <span className="sidebar-user-text">
            <Truncated className="sidebar-user-name" userData>
              {user.name ?? user.username}
            </Truncated>
            {user.email !== null && user.email !== (user.name ?? user.username) && (
              <Truncated className="sidebar-user-email" userData>
                {user.email}
              </Truncated>
            )}
          </span>
        </a>
      )}
    </aside>
  );
}
