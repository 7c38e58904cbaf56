import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useLocation } from 'preact-iso';
import { plans } from '../../offline/household-store.ts';
import { saveEntry } from '../../offline/save-entry.ts';
import { currentMother } from '../current-mother.ts';
import { planFor } from '../household-view.ts';
import { GuidedSession } from './guided-session.tsx';

/** /pijat: the guided massage for the household's current mother, with the protocol her midwife assigned. */
export default function MassageRoute({ user }: { user: Me }) {
  const { route } = useLocation();
  const mother = currentMother.value;
  if (!mother) return <p class="muted">{t`Memuat…`}</p>;
  const { protocol } = planFor(plans.value, mother.id);
  return (
    <GuidedSession
      protocol={protocol}
      facilityPhone={user.facility.phone}
      storageKey={`lancar.massage.${user.userId}.${mother.id}`}
      onFinish={async ({ startedAt, ...data }) => {
        await saveEntry(user.userId, {
          kind: 'massage_session',
          motherId: mother.id,
          babyId: null,
          occurredAt: new Date(startedAt),
          data,
        });
        route('/?tersimpan=1');
      }}
      onCancel={() => route('/')}
    />
  );
}
