import type { CompanionCreated, MotherSummary, ParticipantView, TrainingSessionDetail } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, patch, post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { useLoad } from '../../components/use-load.ts';
import { formatPhone, locale } from '../../i18n/i18n.ts';

/**
 * Invites a walk-in to become a mother's companion: adds them to the mother (as on the mother's page, which makes
 * their account and activation code), then links this participation to the account so the sheets entered here
 * count as theirs.
 */
export function InviteCompanionForm({
  sessionId,
  participant,
  onInvited,
  onCancel,
}: {
  sessionId: string;
  participant: ParticipantView;
  onInvited: (detail: TrainingSessionDetail, created: CompanionCreated, name: string) => void;
  onCancel: () => void;
}) {
  const [search, setSearch] = useState('');
  // The server searches the whole caseload; without a search, the newest deliveries (a page of them) are offered.
  const needle = useDebounced(search.trim(), 300);
  const mothers = useLoad(
    () => get<{ mothers: MotherSummary[] }>(`/api/mothers${needle ? `?q=${encodeURIComponent(needle)}` : ''}`),
    [needle],
  );
  const [motherId, setMotherId] = useState('');
  const [displayName, setDisplayName] = useState(participant.displayName);
  const [phone, setPhone] = useState(participant.phone ? formatPhone(participant.phone) : '');
  const [relationship, setRelationship] = useState('husband');
  // Kept once made: when linking fails after the account exists, trying again only links, it adds no second time.
  const [created, setCreated] = useState<CompanionCreated>();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'start' });
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [participant.id]);

  const choices = [...(mothers.data?.mothers ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName, locale.value));
  const chosenMother = choices.find((m) => m.id === motherId) ?? choices[0];

  const invite = useAction(async () => {
    if (!chosenMother) return;
    const companion =
      created ??
      (await post<CompanionCreated>(`/api/mothers/${chosenMother.id}/companions`, {
        displayName,
        phone,
        relationship,
      }));
    setCreated(companion);
    const detail = await patch<TrainingSessionDetail>(
      `/api/training/sessions/${sessionId}/participants/${participant.id}`,
      { userId: companion.companion.userId },
    );
    onInvited(detail, companion, displayName);
  });

  return (
    <form ref={form} class="card form staff-invite" onSubmit={invite.submit} data-testid="invite-companion">
      <h3>{t`Undang ${participant.displayName} menjadi pendamping`}</h3>
      <p class="muted staff-small">
        {t`Pendamping mendapat akun dan kode aktivasi. Nilai tes dari pelatihan ini ikut tercatat untuknya.`}
      </p>
      <label>
        {t`Cari ibu (nama atau desa)`}
        <input type="search" name="motherSearch" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </label>
      <label>
        {t`Pendamping untuk ibu`}
        <select
          name="motherId"
          required
          value={chosenMother?.id ?? ''}
          disabled={created !== undefined}
          onChange={(e) => setMotherId(e.currentTarget.value)}
        >
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.fullName}
              {m.village ? ` · ${m.village}` : ''}
            </option>
          ))}
        </select>
      </label>
      {mothers.data && choices.length === 0 ? <p class="muted">{t`Tidak ada ibu yang cocok.`}</p> : null}
      <div class="staff-row">
        <label>
          {t`Nama`}
          <input
            name="inviteName"
            required
            maxLength={100}
            disabled={created !== undefined}
            value={displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        </label>
        <label>
          {t`Nomor HP`}
          <input
            name="invitePhone"
            type="tel"
            required
            disabled={created !== undefined}
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
        </label>
      </div>
      <label>
        {t`Hubungan`}
        <select
          name="relationship"
          value={relationship}
          disabled={created !== undefined}
          onChange={(e) => setRelationship(e.currentTarget.value)}
        >
          <option value="husband">{t`Suami`}</option>
          <option value="family">{t`Keluarga`}</option>
          <option value="cadre">{t`Kader`}</option>
          <option value="other">{t`Lainnya`}</option>
        </select>
      </label>
      <ProblemMessage error={invite.error ?? mothers.error} />
      <div class="staff-actions">
        <button type="submit" class="button primary" disabled={invite.busy || !chosenMother}>
          {created ? t`Hubungkan lagi` : t`Undang dan buat kode aktivasi`}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t`Batal`}
        </button>
      </div>
    </form>
  );
}
