import { io as connectSocket } from 'socket.io-client';
import { decodeLiveFrame, PROTOCOL_VERSION, type LiveFrame, type SubscriptionFilter } from '@twin/protocol';
import type { TwinClientSocket } from '../src/test/testServer.ts';

/** Connects an operator client, subscribes, and hands every delta frame to `onFrame`. */
export async function liveClient(httpUrl: string, token: string, filter: SubscriptionFilter, onFrame: (frame: LiveFrame) => void): Promise<TwinClientSocket> {
  const socket: TwinClientSocket = connectSocket(httpUrl, { transports: ['websocket'], reconnection: false, auth: { token, protocolVersion: PROTOCOL_VERSION } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.on('telemetry:frame', (bytes) => {
    const frame = decodeLiveFrame(bytes as unknown as Uint8Array);
    if ((frame.flags & 1) === 0) onFrame(frame);
  });
  const ack = await socket.emitWithAck('telemetry:subscribe', filter);
  if (!ack.ok) throw new Error(`subscribe failed: ${ack.error.message}`);
  return socket;
}
