import { useEffect, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';
import { useLiveTelemetryState } from '../telemetry/useLiveTelemetry.ts';
import { Modal } from '../ui/Modal.tsx';
import { closeTrend, registerTrendHost, useTrendRequests } from './trendRequests.ts';
import { TrendPanel } from './TrendPanel.tsx';

/**
 * Shows the trend panels ask for (`openTrend`) in a dialog over the control room (REQ PLAT-3
 * point and get). While mounted, panels offer their trend buttons.
 */
export function TrendHost(props: { telemetry: LiveTelemetry }): JSX.Element | null {
  const { sensorIds } = useTrendRequests();
  useEffect(() => {
    const unregister = registerTrendHost();
    return () => {
      unregister();
      closeTrend();
    };
  }, []);
  if (sensorIds === null) return null;
  return <TrendDialog telemetry={props.telemetry} sensorIds={sensorIds} />;
}

function TrendDialog(props: { telemetry: LiveTelemetry; sensorIds: readonly string[] }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { directory } = useLiveTelemetryState(props.telemetry);
  const first = directory?.sensor(props.sensorIds[0]!);
  const name = first === undefined ? props.sensorIds[0]! : i18n.language.startsWith('en') ? (first.nameEn ?? first.name) : first.name;
  const title = props.sensorIds.length === 1 ? t('trends.title', { name }) : t('trends.titleMany', { count: props.sensorIds.length });
  return (
    <Modal title={title} onClose={closeTrend} wide>
      <TrendPanel telemetry={props.telemetry} sensorIds={props.sensorIds} />
      <div className="modal-actions">
        <button type="button" className="button" data-testid="trend-close" onClick={closeTrend}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
