import { io as connectSocket } from 'socket.io-client';
import { decodeLiveFrame, PROTOCOL_VERSION, type AlarmUpdate, type LiveFrame, type SubscriptionFilter } from '@twin/protocol';
import type { TwinClientSocket } from '../src/test/testServer.ts';

/** Connects an operator client, subscribes, and hands every delta frame to `onFrame`. */
export async function liveClient(httpUrl: string, token: string, filter: SubscriptionFilter, onFrame: (frame: LiveFrame) => void): Promise<TwinClientSocket> {
  const socket = await operatorSocket(httpUrl, token);
  socket.on('telemetry:frame', (bytes) => {
    const frame = decodeLiveFrame(bytes as unknown as Uint8Array);
    if ((frame.flags & 1) === 0) onFrame(frame);
  });
  const ack = await socket.emitWithAck('telemetry:subscribe', filter);
  if (!ack.ok) throw new Error(`subscribe failed: ${ack.error.message}`);
  return socket;
}

/** Connects an operator client, subscribes to alarms, and hands every `alarm:update` to `onUpdate`. */
export async function alarmClient(httpUrl: string, token: string, onUpdate: (update: AlarmUpdate) => void): Promise<TwinClientSocket> {
  const socket = await operatorSocket(httpUrl, token);
  socket.on('alarm:update', onUpdate);
  const ack = await socket.emitWithAck('alarm:subscribe', {});
  if (!ack.ok) throw new Error(`alarm subscribe failed: ${ack.error.message}`);
  return socket;
}

async function operatorSocket(httpUrl: string, token: string): Promise<TwinClientSocket> {
  const socket: TwinClientSocket = connectSocket(httpUrl, { transports: ['websocket'], reconnection: false, auth: { token, protocolVersion: PROTOCOL_VERSION } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
