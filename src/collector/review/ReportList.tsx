// The list of reports, newest first. Every value is a text child: nothing from a report is
// ever parsed as markup.
import type { ReportSummary } from '../summary';
import { TEXT } from './text';
import { formatOmissions, formatTime, reasonText } from './format';

export function ReportList({ reports }: { reports: ReportSummary[] }) {
  return (
    <table class="reports">
      <caption>{TEXT.reportsTable}</caption>
      <thead>
        <tr>
          <th scope="col">{TEXT.received}</th>
          <th scope="col">{TEXT.ratingFilter}</th>
          <th scope="col">{TEXT.reasons}</th>
          <th scope="col">{TEXT.comment}</th>
          <th scope="col">{TEXT.site}</th>
          <th scope="col">{TEXT.turns}</th>
          <th scope="col">{TEXT.omissions}</th>
          <th scope="col"><span class="visually-hidden">{TEXT.open}</span></th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.id}>
            <td><time dateTime={r.received_at}>{formatTime(r.received_at)}</time></td>
            <td class={`rating rating-${r.rating ?? 'shared'}`}>{TEXT[r.rating ?? 'shared']}</td>
            <td>{reasonText(r.reasons) || TEXT.none}</td>
            <td class="comment">{r.comment || TEXT.none}</td>
            <td>{r.site}</td>
            <td>{r.turns}</td>
            <td>{formatOmissions(r.omissions) || TEXT.none}</td>
            <td><a href={`#/report/${encodeURIComponent(r.id)}`} aria-label={`${TEXT.open} ${r.id}`}>{TEXT.open}</a></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
