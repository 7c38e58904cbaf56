import type { TrainingResults } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { locale } from '../../i18n/i18n.ts';
import { meanSd, medianRange } from './results-format.ts';

/** Before and after, over the people with both scores: n, mean (SD), median (range), how many reached the mark. */
export function ResultsSummaryTable({ results }: { results: TrainingResults }) {
  const { pre, post, passed, passMark } = results;
  if (!pre || !post) return null;
  const lang = locale.value;
  return (
    <div class="table-scroll">
      <table class="table staff-summary-table" data-testid="results-summary">
        <caption class="visually-hidden">{t`Ringkasan nilai tes awal dan tes akhir`}</caption>
        <thead>
          <tr>
            <th scope="col">{t`Ukuran`}</th>
            <th scope="col">{t`Tes awal`}</th>
            <th scope="col">{t`Tes akhir`}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">n</th>
            <td>{pre.n}</td>
            <td>{post.n}</td>
          </tr>
          <tr>
            <th scope="row">{t`Rata-rata (SB)`}</th>
            <td data-testid="summary-pre-mean">
              <Figure text={meanSd(pre, lang)} />
            </td>
            <td data-testid="summary-post-mean">
              <Figure text={meanSd(post, lang)} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t`Median (min–maks)`}</th>
            <td>
              <Figure text={medianRange(pre, lang)} />
            </td>
            <td>
              <Figure text={medianRange(post, lang)} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t`Mencapai batas lulus (≥ ${passMark})`}</th>
            <td>{t`${passed.pre} dari ${pre.n}`}</td>
            <td>{t`${passed.post} dari ${post.n}`}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** "47,8 (8,79)" may break between the mean and the SD on a phone, never inside "(30–65)". */
function Figure({ text }: { text: string }) {
  const [first, ...rest] = text.split(' ');
  return (
    <>
      <span class="nowrap">{first}</span>
      {rest.length > 0 ? ' ' : null}
      {rest.length > 0 ? <span class="nowrap">{rest.join(' ')}</span> : null}
    </>
  );
}
