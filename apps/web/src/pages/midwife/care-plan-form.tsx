import { defaultProtocol, PROTOCOLS, protocolById } from '@lancar/content';
import type { CarePlanOutput } from '@lancar/contracts';
import { localDateAtOffset, newId, PROTOCOL_START_MAX_DAYS } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDate, locale } from '../../i18n/i18n.ts';

const DAY_MS = 24 * 3600 * 1000;

/** This browser's UTC offset in minutes (WIB 420): the calendar the midwife's dates are in. */
const offsetMinutes = () => -new Date().getTimezoneOffset();

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Assigning a massage protocol and the date the household starts it (from the delivery date to 42 days later).
 * Used at the end of enrolment and on the mother's page.
 */
export function CarePlanForm({
  motherId,
  deliveredAt,
  current,
  onAssigned,
}: {
  motherId: string;
  deliveredAt: string;
  /** The plan in force, when changing it: the form starts from it. */
  current?: { protocolId: string; extendedToDay: number | null } | null;
  onAssigned: (plan: CarePlanOutput) => void;
}) {
  const deliveryDate = localDateAtOffset(new Date(deliveredAt), offsetMinutes());
  const lastStart = addDays(deliveryDate, PROTOCOL_START_MAX_DAYS);
  const today = localDateAtOffset(new Date(), offsetMinutes());
  const [protocolId, setProtocolId] = useState(
    (current && protocolById(current.protocolId)?.id) ?? defaultProtocol().id,
  );
  const [extendTo, setExtendTo] = useState(current?.extendedToDay ? String(current.extendedToDay) : '');
  const [startsOn, setStartsOn] = useState(today < deliveryDate ? deliveryDate : today > lastStart ? lastStart : today);
  const chosen = protocolById(protocolId) ?? defaultProtocol();
  const assign = useAction(async () => {
    const plan = await post<CarePlanOutput>(`/api/mothers/${motherId}/care-plans`, {
      id: newId(),
      protocolId,
      extendedToDay: extendTo ? Number(extendTo) : null,
      startsOn,
      tzOffsetMin: offsetMinutes(),
    });
    onAssigned(plan);
  });
  return (
    <form class="form" onSubmit={assign.submit} data-testid="care-plan-form">
      <label>
        {t`Protokol pijat`}
        <select name="protocolId" value={protocolId} onChange={(e) => setProtocolId(e.currentTarget.value)}>
          {PROTOCOLS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name[locale.value]}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">{chosen.summary[locale.value]}</p>
      <label>
        {t`Mulai tanggal`}
        <input
          name="startsOn"
          type="date"
          required
          min={deliveryDate}
          max={lastStart}
          value={startsOn}
          onInput={(e) => setStartsOn(e.currentTarget.value)}
        />
        <span class="muted field-hint">
          {t`Paling awal tanggal persalinan (${formatDate(deliveryDate)}), paling lambat ${PROTOCOL_START_MAX_DAYS} hari sesudahnya. Hari-hari protokol dihitung dari tanggal ini.`}
        </span>
      </label>
      {chosen.extendableToDay ? (
        <label>
          {t`Perpanjang sampai hari (boleh kosong)`}
          <select name="extendedToDay" value={extendTo} onChange={(e) => setExtendTo(e.currentTarget.value)}>
            <option value="">{t`Tidak diperpanjang`}</option>
            {Array.from({ length: chosen.extendableToDay - chosen.lastDay }, (_, i) => chosen.lastDay + 1 + i).map(
              (day) => (
                <option key={day} value={String(day)}>
                  {t`Hari ${day}`}
                </option>
              ),
            )}
          </select>
        </label>
      ) : null}
      <ProblemMessage error={assign.error} />
      <button type="submit" class="button secondary" disabled={assign.busy}>
        {t`Tetapkan protokol`}
      </button>
    </form>
  );
}
