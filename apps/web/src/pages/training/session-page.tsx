import type { ActivationCode, AttemptView, Me, ParticipantView, TrainingSessionDetail } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, patch } from '../../api/client.ts';
import { ActivationCard } from '../../components/activation-card.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { useLoad } from '../../components/use-load.ts';
import { formatDate } from '../../i18n/i18n.ts';
import { AddParticipantForm } from './add-participant-form.tsx';
import { InviteCompanionForm } from './invite-companion-form.tsx';
import { ParticipantList } from './participant-list.tsx';
import { ResultsPanel } from './results-panel.tsx';
import { withSheet } from './sheet-entry.ts';
import { type EntryRequest, SheetEntryPanel } from './sheet-entry-panel.tsx';
import './training.css';

/**
 * One group training: who came, their paper sheets entered one after the other, and the pre-post results with the
 * files to print or analyse. The session is kept here and updated from each answer, so entering 25 sheets never
 * waits for a reload of the whole list.
 */
export default function TrainingSessionPage({ user, sessionId }: { user: Me; sessionId: string }) {
  const loaded = useLoad(() => get<TrainingSessionDetail>(`/api/training/sessions/${sessionId}`), [sessionId]);
  const [changed, setChanged] = useState<TrainingSessionDetail>();
  const [revision, setRevision] = useState(0);
  const [request, setRequest] = useState<EntryRequest>();
  const [inviting, setInviting] = useState<ParticipantView>();
  const [card, setCard] = useState<{ activation: ActivationCode; name: string }>();
  // Attendance as just ticked, shown at once while the server is asked (a checkbox must not spring back).
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const canInvite = user.role === 'midwife' || user.role === 'facility_admin';
  const session = changed?.id === sessionId ? changed : loaded.data;

  /** A change to the session (the server's new copy, or a sheet put in place), and fresh results after it. */
  const update = (next: TrainingSessionDetail | ((current: TrainingSessionDetail) => TrainingSessionDetail)) => {
    setChanged((current) => {
      if (typeof next !== 'function') return next;
      // From the newest copy, not the one this render saw: answers may arrive while others are on their way.
      const base = current?.id === sessionId ? current : loaded.data;
      return base ? next(base) : current;
    });
    setRevision((r) => r + 1);
  };
  const attendance = useAction(async (participant: ParticipantView, attended: boolean) => {
    setTicked((shown) => ({ ...shown, [participant.id]: attended }));
    try {
      update(
        await patch<TrainingSessionDetail>(`/api/training/sessions/${sessionId}/participants/${participant.id}`, {
          attended,
        }),
      );
    } finally {
      setTicked(({ [participant.id]: _done, ...rest }) => rest);
    }
  });

  if (!session) {
    return (
      <section>
        <BackLink />
        {loaded.loading ? <p class="muted">{t`Memuat…`}</p> : <ProblemMessage error={loaded.error} />}
      </section>
    );
  }
  const onSheetSaved = (participantId: string, sheet: AttemptView) =>
    update((current) => withSheet(current, participantId, sheet));
  const participants = session.participantList;
  return (
    <section class="staff-training">
      <BackLink />
      <h1>{session.place}</h1>
      <div class="card">
        <dl class="facts staff-facts">
          <dt>{t`Tanggal`}</dt>
          <dd>{formatDate(session.heldOn)}</dd>
          <dt>{t`Fasilitator`}</dt>
          <dd>{session.facilitators}</dd>
          <dt>{t`Peserta`}</dt>
          <dd data-testid="session-counts">{t`${session.participants} terdaftar · ${session.attended} hadir`}</dd>
          {session.notes ? (
            <>
              <dt>{t`Catatan`}</dt>
              <dd>{session.notes}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <AddParticipantForm sessionId={sessionId} participants={participants} onAdded={update} />
      <SheetEntryPanel sessionId={sessionId} participants={participants} request={request} onSaved={onSheetSaved} />
      <h2>{t`Daftar peserta`}</h2>
      {card ? (
        <>
          <ActivationCard activation={card.activation} name={card.name} />
          <button type="button" class="link-button" onClick={() => setCard(undefined)}>
            {t`Tutup kartu kode`}
          </button>
        </>
      ) : null}
      {inviting ? (
        <InviteCompanionForm
          sessionId={sessionId}
          participant={inviting}
          onCancel={() => setInviting(undefined)}
          onInvited={(detail, created, name) => {
            update(detail);
            setInviting(undefined);
            if (created.activation) setCard({ activation: created.activation, name });
          }}
        />
      ) : null}
      <ProblemMessage error={attendance.error} />
      <ParticipantList
        participants={participants.map((p) => (p.id in ticked ? { ...p, attended: ticked[p.id] === true } : p))}
        busyIds={Object.keys(ticked)}
        onAttendance={(p, attended) => void attendance.run(p, attended)}
        onEnter={(p, phase) => setRequest({ participantId: p.id, phase, token: Date.now() })}
        invite={
          canInvite
            ? (p) => (
                <button type="button" class="link-button" onClick={() => setInviting(p)} data-testid="invite">
                  {t`Undang jadi pendamping`}
                </button>
              )
            : undefined
        }
      />
      <ResultsPanel
        url={`/api/training/sessions/${sessionId}/results`}
        title={t`Hasil tes pelatihan ini`}
        full
        revision={revision}
      />
    </section>
  );
}

function BackLink() {
  return (
    <p>
      <a href="/pelatihan">{t`← Pelatihan`}</a>
    </p>
  );
}
