import { ApiClient } from '../api/apiClient.ts';
import { SessionTokenStore } from '../api/sessionTokenStore.ts';
import { completeBrowserSso, isSsoReturn } from '../auth/ssoFlow.ts';
import { ActivityTracker } from './activityTracker.ts';
import { LiveConnection } from './liveConnection.ts';
import { ServerClock } from './serverClock.ts';
import { SessionController } from './sessionController.ts';

/** The renderer's services, created once per window. */
export interface ConsoleServices {
  api: ApiClient;
  clock: ServerClock;
  session: SessionController;
  live: LiveConnection;
  /** Completes a single sign-on return or resumes the tab's session. */
  start(): Promise<void>;
}

/**
 * The renderer's composition root: the API client on the origin that served the page (the twin
 * server, in a browser and in the desktop shell alike), the session, the live connection while
 * signed in, and the activity reports of user input (PLAT-8).
 */
export function createConsoleServices(win: Window): ConsoleServices {
  const api = new ApiClient({ serverUrl: win.location.origin, tokens: new SessionTokenStore(win.sessionStorage) });
  const clock = new ServerClock();
  const session = new SessionController(api, clock);
  const live = new LiveConnection({ serverUrl: api.serverUrl, token: () => api.token, clock, onSessionEnded: (reason) => session.end(reason) });
  const tracker = new ActivityTracker({
    target: win,
    // Over the socket while it is up, else over HTTP: input must keep the session alive either way.
    report: () => (live.getState().status === 'connected' ? live.reportActivity() : api.reportActivity().catch(() => undefined)),
    onDeadline: (idleExpiresAtMs) => session.setIdleDeadline(idleExpiresAtMs),
    idle: () => {
      const state = session.getState();
      if (state.phase !== 'signedIn') return undefined;
      return { idleTimeoutS: state.session.organisation.idleTimeoutS, untilIdleMs: clock.msUntil(state.session.idleExpiresAtMs) };
    },
  });

  // The live connection and the activity reports follow the session token.
  let connectedToken: string | undefined;
  session.subscribe(() => {
    const token = session.getState().phase === 'signedIn' ? api.token : undefined;
    if (token === connectedToken) return;
    connectedToken = token;
    if (token === undefined) {
      tracker.stop();
      live.close();
    } else {
      live.open();
      tracker.start();
    }
  });

  return {
    api,
    clock,
    session,
    live,
    start() {
      if (!isSsoReturn(win.location.search)) return session.start();
      const search = win.location.search;
      // The code is single-use: take it out of the address bar and the history at once.
      win.history.replaceState(null, '', `${win.location.pathname}#/`);
      return session.start(() => completeBrowserSso(api, search, win.sessionStorage));
    },
  };
}
