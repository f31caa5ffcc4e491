import { useEffect, useRef, useState, type JSX } from 'react';
import type { CameraDto } from '@twin/protocol';
import { useConsole } from '../session/ConsoleProvider.tsx';
import type { VideoFigures } from './cameraMinimum.ts';
import { CameraReadout } from './CameraReadout.tsx';
import './cameras.css';
import { playHlsStream } from './playHlsStream.ts';
import type { StreamFailure } from './streamFailure.ts';
import { usePlayerReadout } from './usePlayerReadout.ts';

/**
 * A camera's live video (REQ GOV-3 video surveillance): its HLS stream from the twin server, muted,
 * under an overlay of the frame rate really presented and the picture size, the source's declared
 * figures and a warning when either falls below EVAL-1 indicator 32 (25 frames/s at CIF), and the
 * state: connecting, playing, stalled, or the error with the server's message and a retry.
 *
 * For automation the element carries `data-state`, `data-frames` (frames presented), `data-fps`,
 * `data-width` and `data-height`, updated every 250 ms.
 */
export function CameraPlayer(props: { camera: CameraDto; title?: string }): JSX.Element {
  const { api } = useConsole();
  const { camera } = props;
  const element = useRef<HTMLElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<StreamFailure | null>(null);
  const declared = declaredFigures(camera);
  const readout = usePlayerReadout(element, video, declared, failure !== null, attempt);
  const playlist = camera.stream.playlist;

  useEffect(() => {
    const media = video.current;
    if (media === null) return;
    return playHlsStream(media, { url: api.url(playlist), token: () => api.token, onFailure: setFailure });
  }, [api, playlist, attempt]);

  const retry = () => {
    setFailure(null);
    setAttempt((n) => n + 1);
  };
  return (
    <figure ref={element} className={`camera-player camera-player-${readout.state}`} data-testid="camera-player" data-camera-id={camera.id}>
      <video ref={video} className="camera-player-video" muted autoPlay playsInline disablePictureInPicture />
      {props.title !== undefined && <figcaption className="camera-player-title">{props.title}</figcaption>}
      <CameraReadout readout={readout} declared={declared} failure={failure} serverError={camera.stream.error} fallback={camera.stream.fallback} onRetry={retry} />
    </figure>
  );
}

function declaredFigures(camera: CameraDto): VideoFigures {
  const { fps, width, height } = camera.stream;
  return { fps, width, height };
}
