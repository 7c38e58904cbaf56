import { QUIZ_ITEMS } from '@lancar/content/training';
import type { ItemResult } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { locale } from '../../i18n/i18n.ts';
import { percent, percentagePoints } from './results-format.ts';

/** Which questions people got wrong, hardest first: what the next training should explain again. */
export function ItemDifficultyTable({ items }: { items: readonly ItemResult[] }) {
  const lang = locale.value;
  // Column names repeated in each cell, for phones, where each question becomes a block of its own.
  const before = t`Awal`;
  const after = t`Akhir`;
  const change = t`Perubahan (poin)`;
  const changeShort = t`Perubahan`;
  return (
    <div class="table-scroll">
      <p class="staff-table-note" id="staff-items-note">
        {t`Persentase yang menjawab benar di tes awal dan tes akhir, soal tersulit di atas. Nomor soal seperti di lembar kertas; n: yang menjawab soal itu.`}
      </p>
      <table class="table staff-item-table" data-testid="results-items" aria-describedby="staff-items-note">
        <thead>
          <tr>
            <th scope="col">{t`Soal`}</th>
            <th scope="col" class="staff-num">
              {before}
            </th>
            <th scope="col" class="staff-num">
              {after}
            </th>
            <th scope="col" class="staff-num">
              {change}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const index = QUIZ_ITEMS.findIndex((q) => q.id === item.itemId);
            const question = QUIZ_ITEMS[index]?.question[lang] ?? item.itemId;
            return (
              <tr key={item.itemId}>
                <th scope="row" class="staff-question">
                  {index >= 0 ? `${index + 1}. ` : ''}
                  {question}
                </th>
                <td class="staff-num" data-label={before}>
                  {percent(item.pre.share, lang)}
                  <span class="staff-n">n {item.pre.n}</span>
                </td>
                <td class="staff-num" data-label={after}>
                  {percent(item.post.share, lang)}
                  <span class="staff-n">n {item.post.n}</span>
                </td>
                <td class="staff-num" data-label={changeShort}>
                  {percentagePoints(item.change, lang)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
