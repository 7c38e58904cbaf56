import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useLocation } from 'preact-iso';
import { currentMother } from '../current-mother.ts';
import { ExpressionForm } from './expression-form.tsx';
import { FeedForm } from './feed-form.tsx';
import { MotherStateForm } from './mother-state-form.tsx';
import { NappyForm } from './nappy-form.tsx';
import { WeightForm } from './weight-form.tsx';

const FORMS = {
  menyusui: FeedForm,
  popok: NappyForm,
  'asi-perah': ExpressionForm,
  berat: WeightForm,
  'kondisi-ibu': MotherStateForm,
} as const;

export type LogKind = keyof typeof FORMS;

/** /catat/<kind>: one log form for the household's current mother; back home with a note after saving. */
export default function LogRoute({ user, kind }: { user: Me; kind: string }) {
  const { route } = useLocation();
  const mother = currentMother.value;
  const Form = FORMS[kind as LogKind];
  if (!Form) {
    return (
      <section>
        <h1>{t`Halaman tidak ditemukan`}</h1>
      </section>
    );
  }
  if (!mother) return <p class="muted">{t`Memuat…`}</p>;
  return <Form user={user} mother={mother} onSaved={() => route('/?tersimpan=1')} />;
}
