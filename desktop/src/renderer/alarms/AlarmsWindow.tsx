import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { DetachedWindow } from '../shell/DetachedWindow.tsx';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { AlarmsView } from './AlarmsView.tsx';
import { useAlarmFeed } from './useAlarmFeed.ts';

/**
 * The alarm console in a window of its own (`#/window/alarms`, e.g. on a second screen). The
 * control room's window keeps the banner and the sound.
 */
export function AlarmsWindow(): JSX.Element {
  const { t } = useTranslation();
  const alarms = useAlarmFeed(useSignedInSession().permissions.includes('alarms.read'));
  return (
    <DetachedWindow name="alarms" title={t('alarms.windowTitle')} permission="alarms.read">
      <AlarmsView alarms={alarms} detached />
    </DetachedWindow>
  );
}
