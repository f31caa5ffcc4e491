import type { Permission } from '@twin/protocol';

/** The permission that opens the cameras' video (GOV-3), as it opens the sensors they are part of. */
export const CAMERA_PERMISSION: Permission = 'sensors.read';
