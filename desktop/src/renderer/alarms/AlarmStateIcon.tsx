import type { JSX } from 'react';
import type { AlarmState } from '@twin/protocol';

/** Line drawings on a 14 × 14 grid, one per state. */
const SHAPES: Record<AlarmState, JSX.Element> = {
  // A bell: the alarm calls for the operator.
  unack_active: <path d="M7 1.8a3.3 3.3 0 0 0-3.3 3.3v2.6L2.2 10h9.6l-1.5-2.3V5.1A3.3 3.3 0 0 0 7 1.8ZM5.6 11.4a1.4 1.4 0 0 0 2.8 0" />,
  // A tick in a circle: seen and being handled.
  ack_active: (
    <>
      <circle cx="7" cy="7" r="5.3" />
      <path d="m4.5 7.2 1.8 1.8 3.3-3.6" />
    </>
  ),
  // An arrow turning back: cleared before anyone acknowledged it.
  rtn_unack: <path d="M5.5 2.8 3.3 5l2.2 2.2M3.5 5h5a2.7 2.7 0 0 1 0 5.4H5" />,
  // A clock: hidden for a while.
  shelved: (
    <>
      <circle cx="7" cy="7" r="5.3" />
      <path d="M7 4v3.2l2.1 1.4" />
    </>
  ),
  // A struck-out eye: hidden by design.
  suppressed: <path d="M1.6 7S3.6 3.6 7 3.6 12.4 7 12.4 7 10.4 10.4 7 10.4 1.6 7 1.6 7ZM7 5.6a1.4 1.4 0 1 0 0 2.8M2.3 2.3l9.4 9.4" />,
  // A barred circle: out of service.
  out_of_service: (
    <>
      <circle cx="7" cy="7" r="5.3" />
      <path d="m3.3 10.7 7.4-7.4" />
    </>
  ),
  normal: <circle cx="7" cy="7" r="3" />,
};

/** The icon of an alarm state (REQ PLAT-3 dynamic icons); decorative, the state's name goes beside it. */
export function AlarmStateIcon(props: { state: AlarmState }): JSX.Element {
  return (
    <svg className={`alarm-state-icon state-icon-${props.state}`} viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round">
        {SHAPES[props.state]}
      </g>
    </svg>
  );
}
