import WebSocket from 'ws';

/**
 * Asks a Node process started with `--inspect` for a full garbage collection, over the
 * DevTools protocol (HeapProfiler.collectGarbage), then detaches. Memory read right after
 * is what is really held, not what garbage happens to be waiting: without it, the heap
 * figure per subscriber swings by tens of kilobytes with whatever the last load left.
 */
export function collectGarbage(inspectorUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(inspectorUrl);
    socket.on('open', () =>
      socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })),
    );
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { id?: number }).id !== 1) return;
      socket.close();
      resolve();
    });
    socket.on('error', reject);
  });
}
