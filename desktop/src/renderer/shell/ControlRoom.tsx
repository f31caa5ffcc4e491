import type { JSX } from 'react';
import type { AlarmDto } from '@twin/protocol';
import { AuditView } from '../admin/AuditView.tsx';
import { OrganisationView } from '../admin/OrganisationView.tsx';
import { AlarmBanner } from '../alarms/AlarmBanner.tsx';
import { AlarmsView } from '../alarms/AlarmsView.tsx';
import { useAlarmFeed } from '../alarms/useAlarmFeed.ts';
import { UsersView } from '../admin/UsersView.tsx';
import { CamerasView } from '../cameras/CamerasView.tsx';
import { LayerPanel, PropertiesPanel } from '../scene/CommunityScene.tsx';
import { locateInScene } from '../scene/locateInScene.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { KpiStrip } from '../dashboard/KpiStrip.tsx';
import { useLiveTelemetry } from '../telemetry/useLiveTelemetry.ts';
import { TrendHost } from '../trends/TrendHost.tsx';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { CenterView } from './CenterView.tsx';
import { ControlRoomLayout } from './ControlRoomLayout.tsx';
import { IdleCountdownOverlay } from './IdleCountdownOverlay.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TopBar } from './TopBar.tsx';
import { useHashView } from './useHashView.ts';
import { visibleViews, type ViewId } from './views.ts';

const ADMIN_VIEWS: Record<Exclude<ViewId, 'overview' | 'alarms' | 'cameras'>, () => JSX.Element> = {
  users: UsersView,
  audit: AuditView,
  organisation: OrganisationView,
};

/**
 * The control room: the menu of the views this session may open, the alarm banner, the community
 * scene or map with their side panels, the alarm console, the camera wall and administrative
 * views over it, the status bar and the idle warning.
 */
export function ControlRoom(): JSX.Element {
  const { api } = useConsole();
  const session = useSignedInSession();
  const [requested, navigate] = useHashView();
  const views = visibleViews(session.permissions);
  // A view the session may not open (a bookmark of someone else's) falls back to the overview.
  const view = views.includes(requested) ? requested : 'overview';
  const canReadAlarms = session.permissions.includes('alarms.read');
  // One alarm book for the banner and the alarm view, kept while the view is closed (REQ PLAT-8).
  const alarms = useAlarmFeed(canReadAlarms);
  // One live telemetry subscription for the scene, the properties panel, the KPI strip and the trends (REQ PLAT-2, PLAT-3).
  const canFollowTelemetry = session.permissions.includes('telemetry.subscribe') && session.permissions.includes('sensors.read');
  const telemetry = useLiveTelemetry(canFollowTelemetry);
  const followed = canFollowTelemetry ? telemetry : undefined;
  const AdminView = view === 'overview' || view === 'alarms' || view === 'cameras' ? null : ADMIN_VIEWS[view];
  // An alarm leads to its source: back to the scene, flown to the sensor or device (REQ PLAT-8).
  const locate = (alarm: AlarmDto) => {
    navigate('overview');
    locateInScene(alarm.sourceId);
  };
  return (
    <div className="control-room">
      <TopBar views={views} current={view} onNavigate={navigate} />
      {canReadAlarms && <AlarmBanner alarms={alarms} onLocate={locate} onOpenList={() => navigate('alarms')} />}
      {canFollowTelemetry && <KpiStrip telemetry={telemetry} alarms={canReadAlarms ? alarms.book : null} canReadStats={session.permissions.includes('status.read')} />}
      <ControlRoomLayout
        left={<LayerPanel />}
        center={<CenterView api={api} telemetry={followed} />}
        right={<PropertiesPanel telemetry={followed} />}
        overlay={view === 'alarms' ? <AlarmsView alarms={alarms} onLocate={locate} /> : view === 'cameras' ? <CamerasView /> : AdminView === null ? null : <AdminView />}
      />
      <StatusBar />
      {canFollowTelemetry && session.permissions.includes('readings.read') && <TrendHost telemetry={telemetry} />}
      <IdleCountdownOverlay />
    </div>
  );
}
