// @vitest-environment happy-dom
// The review page: list, filter, full view, exports; chat content shown as text, never markup.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../../src/collector/review/App';
import type { RatingFilter, ReviewApi } from '../../../src/collector/review/api';
import { summarise, type ReportPage } from '../../../src/collector/summary';
import type { StoredReport } from '../../../src/collector/store';
import { CANARY, envelope } from './fixtures';

/** An in-memory review API over real reports, newest first, paged like the server. */
function memoryApi(stored: StoredReport[], pageSize = 50): ReviewApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    list: async (rating: RatingFilter, before: string | null): Promise<ReportPage> => {
      calls.push(`${rating}:${before ?? ''}`);
      const all = stored.filter((s) => rating === 'all' || s.report.rating === rating);
      const start = before ? all.findIndex((s) => s.id === before) + 1 : 0;
      const page = all.slice(start, start + pageSize);
      const more = start + pageSize < all.length;
      return { reports: page.map(summarise), next_before: more ? page[page.length - 1]!.id : null };
    },
    get: async (id) => {
      const s = stored.find((x) => x.id === id);
      if (!s) throw new Error('404 Not Found');
      return { id: s.id, received_at: s.receivedAt.toISOString(), report: s.report };
    },
  };
}

const stored = (rating: 'helpful' | 'not_helpful', minute: number, comment = `see ${CANARY}`): StoredReport => {
  const { report } = envelope({ rating, comment });
  return { id: report.id, receivedAt: new Date(Date.UTC(2026, 10, 28, 12, minute)), report };
};

beforeEach(() => { location.hash = ''; });
afterEach(() => { cleanup(); });

describe('review page', () => {
  it('lists reports with their facts, markup in a comment shown as text', async () => {
    const reports = [stored('not_helpful', 2), stored('helpful', 1, 'great')];
    render(<App api={memoryApi(reports)} />);
    const table = await screen.findByRole('table', { name: 'Reports, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Not helpful')).toBeTruthy();
    expect(within(rows[0]!).getByText('incomplete')).toBeTruthy();
    expect(within(rows[0]!).getByText(`see ${CANARY}`)).toBeTruthy();
    expect(within(rows[0]!).getByText('integration (google_drive) × 1, hidden_thinking × 1')).toBeTruthy();
    expect(within(rows[1]!).getByText('Helpful')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();

    expect(screen.getByRole('link', { name: 'Export JSONL' }).getAttribute('href')).toBe('/v1/export?format=jsonl');
    expect(screen.getByRole('link', { name: 'Export KTO (TRL)' }).getAttribute('href')).toBe('/v1/export?format=kto');
  });

  it('filters by rating', async () => {
    const api = memoryApi([stored('not_helpful', 2), stored('helpful', 1, 'great')]);
    render(<App api={api} />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByRole('combobox', { name: 'Rating' }), { target: { value: 'helpful' } });
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.getByText('great')).toBeTruthy();
    expect(api.calls).toEqual(['all:', 'helpful:']);
  });

  it('loads older reports on request', async () => {
    const api = memoryApi([stored('helpful', 3), stored('helpful', 2), stored('helpful', 1)], 2);
    render(<App api={api} />);
    await screen.findByRole('table');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Load older reports' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    expect(screen.queryByRole('button', { name: 'Load older reports' })).toBeNull();
  });

  it('shows one report in full, its conversation as text', async () => {
    const report = stored('not_helpful', 1);
    render(<App api={memoryApi([report])} />);
    const open = await screen.findByRole('link', { name: `Open ${report.id}` });
    expect(open.getAttribute('href')).toBe(`#/report/${report.id}`);
    location.hash = open.getAttribute('href')!;
    dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByRole('heading', { name: `Report ${report.id}` });

    const turns = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(turns).toHaveLength(4);
    expect(within(turns[3]!).getByText(/rated answer/)).toBeTruthy();
    expect(within(turns[3]!).getByText(`Render ${CANARY} as text.`)).toBeTruthy();
    expect(within(turns[2]!).getByText(`TypeError ${CANARY}`)).toBeTruthy();
    expect(within(turns[2]!).getByText('integration content left out (google_drive)')).toBeTruthy();
    expect(screen.getByText('Answer in steps.')).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the list' }).getAttribute('href')).toBe('#/');
  });

  it('says so when a report cannot be loaded', async () => {
    location.hash = '#/report/missing';
    render(<App api={memoryApi([])} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load reports: 404 Not Found');
  });
});
