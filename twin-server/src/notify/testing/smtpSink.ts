import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the sink accepted, with its headers and its text decoded. */
export interface ReceivedMail {
  /** Envelope sender and recipients. */
  from: string;
  to: string[];
  /** Header fields by lower-case name, unfolded, encoded words decoded. */
  headers: Map<string, string>;
  /** The plain-text body, decoded from its transfer encoding as UTF-8. */
  text: string;
}

/**
 * A local SMTP server for notification tests: plain connections (no TLS), no login needed,
 * refusing the recipients it is told to with 550, keeping every message it accepts.
 */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    /** Every message accepted, in arrival order. */
    readonly messages: ReceivedMail[],
  ) {}

  /** Starts a sink on 127.0.0.1 on a free port. */
  static async start(options: { refuse?: readonly string[] } = {}): Promise<SmtpSink> {
    const refuse = new Set(options.refuse ?? []);
    const messages: ReceivedMail[] = [];
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (!refuse.has(address.address)) return callback();
        callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
          messages.push({ from, to: session.envelope.rcptTo.map((r) => r.address), ...parseMime(Buffer.concat(chunks).toString('latin1')) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new SmtpSink(server, messages);
  }

  /** The port the sink listens on. */
  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Stops the sink. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// A single-part message: headers (RFC 5322 folding, RFC 2047 encoded words) and a body in
// base64, quoted-printable or 7/8 bit. The raw message is read as latin1 so bytes stay bytes.
function parseMime(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeEncodedWords(line.slice(colon + 1).trim()));
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body, 'base64') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : Buffer.from(body, 'latin1');
  return { headers, text: bytes.toString('utf8').replace(/\r\n$/, '') };
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_whole, _charset: string, encoding: string, text: string) =>
      (encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' '))).toString('utf8'),
    );
}

function decodeQuotedPrintable(text: string): Buffer {
  const unfolded = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    if (unfolded[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(unfolded.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}
