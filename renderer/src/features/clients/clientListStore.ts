import type { ClientSort, ClientStatus, ClientSummary } from '@contract';
import { create } from 'zustand';
import { api } from '../../api/api';

export const PAGE_SIZE = 100;

interface ClientListState {
  query: string;
  status: ClientStatus;
  sort: ClientSort;
  /** Matches for the current filters; null until the first page arrives. */
  total: number | null;
  /** The search matched more clients than it counted: ask the practitioner to keep typing. */
  capped: boolean;
  pages: Record<number, ClientSummary[]>;
  error: string | null;
  /** Bumped on every filter change so late answers for old filters are dropped. */
  generation: number;
  setQuery(query: string): void;
  setStatus(status: ClientStatus): void;
  setSort(sort: ClientSort): void;
  refresh(): void;
  /** Loads the pages covering rows [start, end] that are not cached yet. */
  ensureRows(start: number, end: number): void;
}

const inFlight = new Set<string>();

/** UI state and a page cache for the client list; the database stays the source of truth. */
export const useClientList = create<ClientListState>((set, get) => {
  function reset(patch: Partial<ClientListState>) {
    set({ ...patch, pages: {}, error: null, generation: get().generation + 1 });
    get().ensureRows(0, 0);
  }

  async function loadPage(page: number) {
    const { query, status, sort, generation } = get();
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const result = await api.clients.search({
        query,
        status,
        sort,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        withTotal: page === 0,
      });
      if (get().generation !== generation) return;
      set((s) => ({
        total: result.total ?? s.total,
        capped: page === 0 ? result.capped : s.capped,
        pages: { ...s.pages, [page]: result.items },
        error: null,
      }));
    } catch (error) {
      if (get().generation === generation) set({ error: (error as Error).message, total: 0 });
    } finally {
      inFlight.delete(key);
    }
  }

  return {
    query: '',
    status: 'active',
    sort: 'name-asc',
    total: null,
    capped: false,
    pages: {},
    error: null,
    generation: 0,
    setQuery: (query) => reset({ query }),
    setStatus: (status) => reset({ status }),
    setSort: (sort) => reset({ sort }),
    refresh: () => reset({}),
    ensureRows(start, end) {
      const { pages } = get();
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        if (!pages[page]) void loadPage(page);
      }
    },
  };
});

export function rowAt(pages: Record<number, ClientSummary[]>, index: number): ClientSummary | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
