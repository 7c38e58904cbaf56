import type { AttemptView, ParticipantView } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import type { ComponentChildren } from 'preact';
import { formatPhone } from '../../i18n/i18n.ts';
import type { Phase } from './sheet-entry.ts';
import { sheetScoreText, sourceLabel } from './training-labels.ts';

/**
 * Who is registered: attendance, the pre- and post-test as entered, and what can be done for each. Rows stack on a
 * phone and line up as columns on a wide screen, so nothing scrolls sideways at 360 px.
 */
export function ParticipantList({
  participants,
  busyIds,
  onAttendance,
  onEnter,
  invite,
}: {
  participants: readonly ParticipantView[];
  /** Participants whose attendance is being saved. */
  busyIds: readonly string[];
  onAttendance: (participant: ParticipantView, attended: boolean) => void;
  onEnter: (participant: ParticipantView, phase: Phase) => void;
  /** The invite action of a walk-in (for staff who may add companions), or nothing. */
  invite?: (participant: ParticipantView) => ComponentChildren;
}) {
  if (participants.length === 0) return <p class="card muted">{t`Belum ada peserta.`}</p>;
  return (
    <div class="staff-participants" data-testid="participants">
      <div class="staff-participant staff-participant-head" aria-hidden="true">
        <span>{t`Nama`}</span>
        <span>{t`Hadir`}</span>
        <span>{t`Tes awal`}</span>
        <span>{t`Tes akhir`}</span>
        <span />
      </div>
      <ol class="staff-participant-list">
        {participants.map((p, index) => (
          <li key={p.id} class="staff-participant" data-testid="participant">
            <span class="staff-participant-name">
              <strong>
                {index + 1}.{' '}
                {p.userId ? <a href={`/pelatihan/pendamping/${p.userId}`}>{p.displayName}</a> : p.displayName}
              </strong>
              <span class="muted staff-small">
                {p.phone ? formatPhone(p.phone) : null}
                {p.phone ? ' · ' : null}
                {p.userId ? t`punya akun pendamping` : t`tamu`}
              </span>
            </span>
            <label class="check staff-attended">
              <input
                type="checkbox"
                checked={p.attended}
                disabled={busyIds.includes(p.id)}
                onChange={(e) => onAttendance(p, e.currentTarget.checked)}
              />
              {t`Hadir`}
            </label>
            <SheetCell participant={p} phase="pre" sheet={p.pre} onEnter={onEnter} />
            <SheetCell participant={p} phase="post" sheet={p.post} onEnter={onEnter} />
            <span class="staff-participant-actions">{invite && !p.userId ? invite(p) : null}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function SheetCell({
  participant,
  phase,
  sheet,
  onEnter,
}: {
  participant: ParticipantView;
  phase: Phase;
  sheet: AttemptView | null;
  onEnter: (participant: ParticipantView, phase: Phase) => void;
}) {
  const name = participant.displayName;
  const label = phase === 'pre' ? t`Tes awal` : t`Tes akhir`;
  return (
    <span class="staff-sheet-cell" data-testid={`sheet-${phase}`}>
      <span class="staff-sheet-label">{label}</span>
      {sheet ? (
        <>
          <span class={sheet.score === null ? 'staff-partial' : 'staff-score'}>{sheetScoreText(sheet)}</span>
          {/* Sheets of a group session come from paper; only a test taken on the phone is worth pointing out. */}
          {sheet.source === 'phone' ? <span class="muted staff-small"> {sourceLabel(sheet.source)}</span> : null}
        </>
      ) : (
        <span class="muted">–</span>
      )}{' '}
      <button
        type="button"
        class="link-button"
        aria-label={sheet ? t`Koreksi ${label} ${name}` : t`Isi ${label} ${name}`}
        onClick={() => onEnter(participant, phase)}
      >
        {sheet ? t`Koreksi` : t`Isi`}
      </button>
    </span>
  );
}
