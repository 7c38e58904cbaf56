import { DANGER_ACTIONS, dangerSignById } from '@lancar/content';
import type { ActiveDangerSign } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { formatPhone, locale } from '../i18n/i18n.ts';

/**
 * Red "contact your midwife now" (or amber "as soon as possible") with the facility's number, whenever the household's
 * records show a danger sign. The same signs become alerts for the midwife when the records reach the server.
 */
export function DangerBanner({ dangers, phone }: { dangers: ActiveDangerSign[]; phone: string | null }) {
  if (dangers.length === 0) return null;
  const immediate = dangers.some((d) => d.severity === 'immediate');
  const action = DANGER_ACTIONS[immediate ? 'immediate' : 'soon'];
  return (
    <section
      class={`danger-banner ${immediate ? 'danger-immediate' : 'danger-soon'}`}
      role="alert"
      data-testid="danger-banner"
    >
      <h2>{immediate ? t`Hubungi bidan sekarang` : t`Hubungi bidan segera`}</h2>
      <ul>
        {dangers.map((d) => {
          const sign = dangerSignById(d.signId);
          return <li key={`${d.signId}-${d.babyId ?? ''}`}>{sign ? sign.label[locale.value] : d.signId}</li>;
        })}
      </ul>
      <p>{action[locale.value]}</p>
      {phone ? (
        <a class="button call-button" href={`tel:+${phone}`}>
          {t`Telepon`} <span class="nowrap">{formatPhone(phone)}</span>
        </a>
      ) : null}
    </section>
  );
}
