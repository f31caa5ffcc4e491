import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { openTrend, useTrendRequests } from './trendRequests.ts';
import './trends.css';

/** A button that opens the trend of `sensorIds`; nothing where no view shows trends. */
export function TrendButton(props: { sensorIds: readonly string[]; title?: string }): JSX.Element | null {
  const { hosts } = useTrendRequests();
  return hosts > 0 ? <OpenTrendButton {...props} /> : null;
}

function OpenTrendButton(props: { sensorIds: readonly string[]; title?: string }): JSX.Element {
  const { t } = useTranslation();
  return (
    <button type="button" className="trend-open" data-testid="trend-open" data-sensor-id={props.sensorIds.join(' ')} title={props.title} onClick={() => openTrend(props.sensorIds)}>
      {t('trends.open')}
    </button>
  );
}
