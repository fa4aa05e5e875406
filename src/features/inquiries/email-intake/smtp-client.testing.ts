// Test helper: a plain SMTP conversation over a socket, to see the reply to each command exactly.
import { connect } from 'node:net';

/** Sends each command after the reply to the previous one; returns every reply (the greeting first), multi-line replies joined by \n. */
export async function smtpConversation(port: number, commands: readonly string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  let waiting: (() => void) | null = null;
  socket.on('data', (data: string) => {
    buffer += data;
    waiting?.();
  });
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('close', () => waiting?.());

  async function reply(): Promise<string> {
    for (;;) {
      // A reply ends with a line "NNN text" (a space, not a dash, after the code).
      const match = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(buffer);
      if (match) {
        const end = (match.index ?? 0) + match[0].length;
        const text = buffer.slice(0, end).trim().replace(/\r\n/g, '\n');
        buffer = buffer.slice(end);
        return text;
      }
      if (socket.destroyed) return buffer.trim();
      await new Promise<void>((resolve) => (waiting = resolve));
      waiting = null;
    }
  }

  const replies = [await reply()];
  for (const command of commands) {
    socket.write(`${command}\r\n`);
    replies.push(await reply());
  }
  socket.end();
  await closed;
  return replies;
}
