/**
 * Version of the wire contract. Sent by clients in the socket.io handshake (`auth.protocolVersion`)
 * and by the server in `server:hello`. Bump it on any incompatible change of an event or record.
 */
export const PROTOCOL_VERSION = 1;
