import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { patch } from '../api/client.ts';
import { activateLocale, locale } from '../i18n/i18n.ts';
import { outbox } from '../offline/household-store.ts';
import { logout, me, offline } from '../session.ts';
import { roleLabel } from './labels.ts';

/** `wide`: shown only on screens wider than a phone (desk work, so the phone's menu stays short). */
function navLinks(user: Me): { href: string; label: string; wide?: boolean }[] {
  switch (user.role) {
    case 'midwife':
      // Enrolling is the button at the top of the list, so the phone's menu stays on one line.
      return [
        { href: '/', label: t`Daftar ibu` },
        { href: '/tugas', label: t`Tugas` },
        { href: '/pelatihan', label: t`Pelatihan` },
        { href: '/laporan', label: t`Laporan` },
        { href: '/ekspor', label: t`Ekspor`, wide: true },
      ];
    case 'facility_admin':
      return [
        { href: '/', label: t`Staf` },
        { href: '/ibu', label: t`Daftar ibu` },
        { href: '/tugas', label: t`Tugas` },
        { href: '/pelatihan', label: t`Pelatihan` },
        { href: '/laporan', label: t`Laporan` },
        { href: '/audit', label: t`Log akses` },
        { href: '/ekspor', label: t`Ekspor` },
      ];
    case 'cadre':
      // Cadres support households and also run group trainings at their posyandu.
      return [
        { href: '/', label: t`Beranda` },
        { href: '/pelatihan', label: t`Pelatihan` },
      ];
    case 'researcher':
      return [
        { href: '/', label: t`Data penelitian` },
        { href: '/tinjauan', label: t`Tinjauan pustaka` },
        { href: '/studi', label: t`Studi` },
        { href: '/ekspor', label: t`Ekspor` },
      ];
    case 'system_admin':
      return [
        { href: '/', label: t`Fasilitas` },
        { href: '/laporan/kabupaten', label: t`Laporan` },
      ];
    default:
      return [{ href: '/', label: t`Beranda` }];
  }
}

export function LanguageSwitch() {
  const next = locale.value === 'id' ? 'en' : 'id';
  const change = async () => {
    await activateLocale(next);
    // Remember the choice in the account too, so it follows the person to another phone.
    if (me.value && !offline.value) patch('/api/auth/me', { locale: next }).catch(() => {});
  };
  return (
    <button type="button" class="link-button" onClick={change} lang={next}>
      {next === 'en' ? 'English' : 'Bahasa Indonesia'}
    </button>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const user = me.value;
  const { route, path } = useLocation();
  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="/">
          <img src="/icon.svg" alt="" width={28} height={28} />
          <span>Lancar</span>
        </a>
        {user ? (
          <span class="who">
            {user.displayName} · {roleLabel(user.role)}
          </span>
        ) : null}
        <LanguageSwitch />
      </header>
      {user?.facility.isDemo ? (
        <div class="demo-banner" role="note">
          {t`DATA DEMO: semua orang dan catatan di sini fiktif.`}
        </div>
      ) : null}
      {offline.value ? (
        <div class="offline-banner" role="status">
          {t`Anda sedang offline. Yang tampil adalah data terakhir di HP ini.`}
        </div>
      ) : null}
      {user ? (
        <nav class="tabs" aria-label={t`Menu`}>
          {navLinks(user).map((link) => (
            <a
              key={link.href}
              href={link.href}
              class={[path === link.href ? 'active' : '', link.wide ? 'wide-only' : ''].join(' ').trim()}
            >
              {link.label}
            </a>
          ))}
          <a href="/pengaturan" class={path === '/pengaturan' ? 'active' : ''}>
            {t`Akun`}
          </a>
          <button
            type="button"
            class="link-button"
            onClick={async () => {
              const waiting = outbox.value.length;
              if (
                waiting > 0 &&
                !window.confirm(
                  t`${waiting} catatan belum terkirim. Catatan tetap tersimpan di HP ini dan dikirim saat Anda masuk lagi. Keluar sekarang?`,
                )
              )
                return;
              await logout().catch(() => {});
              route('/masuk');
            }}
          >
            {t`Keluar`}
          </button>
        </nav>
      ) : null}
      <main class="content">{children}</main>
      {user ? (
        <footer class="footer muted">
          {user.facility.name}
          {user.facility.district ? ` · ${user.facility.district}` : ''}
        </footer>
      ) : null}
    </div>
  );
}
