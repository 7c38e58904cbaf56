/** An SVG chart built as a string by @lancar/reports/charts (the same charts as the PDF), drawn as it is. */
export function Chart({ svg, label }: { svg: string; label: string }) {
  // The builder escapes every text it writes; the markup holds numbers and labels only.
  return <figure class="report-chart" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}
