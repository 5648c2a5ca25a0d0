import { createContext, useContext, type ReactNode } from 'react';
import type { StratumApi } from '../../shared/contract';

const ApiContext = createContext<StratumApi | null>(null);

export function ApiProvider({ api, children }: { api: StratumApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The typed API, whichever transport carries it. */
export function useApi(): StratumApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
