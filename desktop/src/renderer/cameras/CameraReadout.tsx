import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CAMERA_MINIMUM } from '@twin/protocol';
import type { Shortfall, VideoFigures } from './cameraMinimum.ts';
import type { PlayerReadout } from './playerReadout.ts';
import type { StreamFailure } from './streamFailure.ts';

const UNKNOWN = '—';

/** A frame rate as shown: at most two decimals (12.5, 25). */
function formatFps(fps: number | undefined): string {
  return fps === undefined ? UNKNOWN : String(Number(fps.toFixed(2)));
}

function formatSize(width: number | undefined, height: number | undefined): string {
  return width === undefined || height === undefined ? UNKNOWN : `${width}×${height}`;
}

function failureHeadline(failure: StreamFailure, t: TFunction): string {
  switch (failure.kind) {
    case 'refused':
      return failure.code === undefined ? t('cameras.failure.refused', { status: failure.status }) : t(`errors.${failure.code}`);
    default:
      return t(`cameras.failure.${failure.kind}`);
  }
}

/** The reasons a video falls below indicator 32, as shown on its warning badge. */
function shortfallTexts(readout: PlayerReadout, t: TFunction): string[] {
  const texts = (shortfalls: Shortfall[], of: 'declared' | 'measured') => shortfalls.map((shortfall) => t(`cameras.shortfall.${of}.${shortfall}`));
  return [...texts(readout.declaredShortfalls, 'declared'), ...texts(readout.measuredShortfalls, 'measured')];
}

/**
 * The overlay of a camera player: its state, the measured and declared frame rate and size (and
 * whether the server shows a test pattern in the source's place), the indicator 32 warning, and
 * the failure with the server's message and a retry button.
 */
export function CameraReadout(props: {
  readout: PlayerReadout;
  declared: VideoFigures;
  failure: StreamFailure | null;
  /** Why the server streams its camera in error (`CameraDto.stream.error`). */
  serverError: string | undefined;
  /** Why the server shows the test pattern instead of the camera's source (`CameraDto.stream.fallback`). */
  fallback: string | undefined;
  onRetry: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const { readout, declared, failure } = props;
  const reasons = shortfallTexts(readout, t);
  // The server's own words: from the failed request, else from the camera list.
  const detail = failure !== null && 'message' in failure && failure.message !== undefined ? failure.message : props.serverError;
  return (
    <>
      <span className={`camera-state camera-state-${readout.state}`} data-testid="camera-state">
        {t(`cameras.state.${readout.state}`)}
      </span>
      {reasons.length > 0 && (
        <div className="camera-warning" role="status" data-testid="camera-below-minimum">
          <strong>⚠ {t('cameras.belowMinimum', { fps: CAMERA_MINIMUM.fps, size: formatSize(CAMERA_MINIMUM.width, CAMERA_MINIMUM.height) })}</strong>
          <span>{reasons.join(' · ')}</span>
        </div>
      )}
      <div className="camera-figures" data-testid="camera-figures">
        <span data-testid="camera-measured">{t('cameras.measured', { fps: formatFps(readout.fps), size: formatSize(readout.width, readout.height) })}</span>
        <span data-testid="camera-declared">{t('cameras.declared', { fps: formatFps(declared.fps), size: formatSize(declared.width, declared.height) })}</span>
        {props.fallback !== undefined && <span title={props.fallback}>{t('cameras.fallback')}</span>}
      </div>
      {failure !== null && (
        <div className="camera-failure" role="alert" data-testid="camera-failure">
          <strong>{failureHeadline(failure, t)}</strong>
          {detail !== undefined && <span>{detail}</span>}
          <button type="button" className="button button-small" onClick={props.onRetry}>
            {t('cameras.retry')}
          </button>
        </div>
      )}
      {failure === null && readout.state === 'stalled' && detail !== undefined && (
        <div className="camera-failure">
          <span>{detail}</span>
        </div>
      )}
    </>
  );
}
