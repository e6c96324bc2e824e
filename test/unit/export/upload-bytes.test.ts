import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { uploadBytes } from '../../../bot/export/upload-bytes';

/** An upload session stand-in that answers each PUT as `answer` says (or never). */
async function session(answer: (res: http.ServerResponse) => void): Promise<{ url: string; received: Buffer[]; close(): Promise<void> }> {
  const received: Buffer[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(Buffer.concat(chunks));
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload/1`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('putting a file into an upload session', () => {
  const bytes = Buffer.from('"Name"\r\n"Nia"\r\n');

  it('when the session answers 201, then the upload is done and carried every byte', async () => {
    // Not chained: restify, loaded by other suites in the same worker, changes what writeHead returns.
    const s = await session((res) => (res.writeHead(201, { 'content-type': 'application/json' }), res.end('{"id":"1"}')));
    try {
      expect(await uploadBytes(s.url, bytes)).toEqual({ ok: true });
      expect(s.received).toEqual([bytes]);
    } finally {
      await s.close();
    }
  });

  it('when the session does not answer in time, then the upload fails as a timeout', async () => {
    const s = await session(() => undefined);
    try {
      expect(await uploadBytes(s.url, bytes, 200)).toEqual({ ok: false, reason: 'timeout' });
    } finally {
      await s.close();
    }
  });

  it('when the session answers with an error or a redirect, then the upload fails and the redirect is not followed', async () => {
    const failing = await session((res) => (res.writeHead(500), res.end()));
    const redirecting = await session((res) => (res.writeHead(307, { location: failing.url }), res.end()));
    try {
      expect(await uploadBytes(failing.url, bytes)).toEqual({ ok: false, reason: '500' });
      const before = failing.received.length;
      expect((await uploadBytes(redirecting.url, bytes)).ok).toBe(false);
      expect(failing.received).toHaveLength(before);
    } finally {
      await failing.close();
      await redirecting.close();
    }
  });
});
