// The review page: a filterable list of reports (newest first) and one report in full,
// chosen by the URL hash (#/report/<id>) so the browser's back button works.
import { useEffect, useState } from 'preact/hooks';
import type { ReportDetail, ReportSummary } from '../summary';
import { exportUrl, type RatingFilter, type ReviewApi } from './api';
import { ReportList } from './ReportList';
import { ReportView } from './ReportView';
import { TEXT } from './text';

const reportIdOf = (hash: string) => /^#\/report\/(.+)$/.exec(hash)?.[1] ?? null;

function useHashRoute(): string | null {
  const [id, setId] = useState(() => reportIdOf(location.hash));
  useEffect(() => {
    const onChange = () => setId(reportIdOf(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return id === null ? null : decodeURIComponent(id);
}

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };
const failed = (err: unknown): Load<never> => ({ state: 'failed', message: err instanceof Error ? err.message : String(err) });

function ListPage({ api }: { api: ReviewApi }) {
  const [rating, setRating] = useState<RatingFilter>('all');
  const [page, setPage] = useState<Load<{ reports: ReportSummary[]; next: string | null }>>({ state: 'loading' });

  const load = (before: string | null, prior: ReportSummary[]) => {
    api.list(rating, before).then(
      (res) => setPage({ state: 'ready', value: { reports: [...prior, ...res.reports], next: res.next_before } }),
      (err: unknown) => setPage(failed(err)),
    );
  };
  useEffect(() => {
    setPage({ state: 'loading' });
    load(null, []);
  }, [rating]);

  return (
    <>
      <div class="toolbar">
        <label>
          {TEXT.ratingFilter}{' '}
          <select value={rating} onChange={(e) => setRating(e.currentTarget.value as RatingFilter)}>
            <option value="all">{TEXT.all}</option>
            <option value="helpful">{TEXT.helpful}</option>
            <option value="not_helpful">{TEXT.not_helpful}</option>
          </select>
        </label>
        <a class="button" href={exportUrl('jsonl')} download>{TEXT.exportJsonl}</a>
        <a class="button" href={exportUrl('kto')} download>{TEXT.exportKto}</a>
      </div>
      {page.state === 'loading' && <p role="status">{TEXT.loading}</p>}
      {page.state === 'failed' && <p role="alert">{`${TEXT.loadFailed} ${page.message}`}</p>}
      {page.state === 'ready' && (page.value.reports.length === 0
        ? <p>{TEXT.empty}</p>
        : <ReportList reports={page.value.reports} />)}
      {page.state === 'ready' && page.value.next !== null && (
        <button type="button" onClick={() => load(page.value.next, page.value.reports)}>{TEXT.loadOlder}</button>
      )}
    </>
  );
}

function DetailPage({ api, id }: { api: ReviewApi; id: string }) {
  const [detail, setDetail] = useState<Load<ReportDetail>>({ state: 'loading' });
  useEffect(() => {
    setDetail({ state: 'loading' });
    api.get(id).then((value) => setDetail({ state: 'ready', value }), (err: unknown) => setDetail(failed(err)));
  }, [api, id]);
  return (
    <>
      <p><a href="#/">{TEXT.back}</a></p>
      {detail.state === 'loading' && <p role="status">{TEXT.loading}</p>}
      {detail.state === 'failed' && <p role="alert">{`${TEXT.loadFailed} ${detail.message}`}</p>}
      {detail.state === 'ready' && <ReportView detail={detail.value} />}
    </>
  );
}

export function App({ api }: { api: ReviewApi }) {
  const id = useHashRoute();
  return (
    <main>
      <h1>{TEXT.title}</h1>
      {id === null ? <ListPage api={api} /> : <DetailPage api={api} id={id} />}
    </main>
  );
}
