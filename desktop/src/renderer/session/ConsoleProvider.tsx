import { createContext, useContext, type JSX, type ReactNode } from 'react';
import type { ConsoleServices } from './consoleServices.ts';

const ConsoleContext = createContext<ConsoleServices | null>(null);

/** Makes the console's services (API client, session, live connection, clock) available below. */
export function ConsoleProvider(props: { services: ConsoleServices; children: ReactNode }): JSX.Element {
  return <ConsoleContext value={props.services}>{props.children}</ConsoleContext>;
}

/** The console's services; only inside {@link ConsoleProvider}. */
export function useConsole(): ConsoleServices {
  const services = useContext(ConsoleContext);
  if (services === null) throw new Error('useConsole is used outside <ConsoleProvider>');
  return services;
}
