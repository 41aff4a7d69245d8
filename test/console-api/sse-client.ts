import http from 'node:http';

export interface ReceivedEvent {
  event: string;
  data: unknown;
  /** Date.now() when the frame arrived. */
  receivedAt: number;
}

/** A Server-Sent Events client on node:http: every frame it receives, with when; comments counted apart. */
export class SseClient {
  readonly events: ReceivedEvent[] = [];
  comments = 0;
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  ended = false;
  private req: http.ClientRequest | null = null;
  private buffer = '';

  constructor(
    private readonly url: string,
    private readonly requestHeaders: Record<string, string>,
  ) {}

  /** Resolves with the response status once the headers arrive. */
  open(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.req = http.get(this.url, { headers: { accept: 'text/event-stream', ...this.requestHeaders } }, (res) => {
        this.status = res.statusCode ?? 0;
        this.headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.take(chunk));
        res.on('end', () => (this.ended = true));
        res.on('close', () => (this.ended = true));
        resolve(this.status);
      });
      this.req.on('error', (e) => (this.status ? (this.ended = true) : reject(e)));
    });
  }

  close(): void {
    this.req?.destroy();
  }

  incidentEvents(id: string): (ReceivedEvent & { data: { id: string; number: number; status: string; level: number; updatedAt: string } })[] {
    return this.events.filter((e) => e.event === 'incident' && (e.data as { id: string }).id === id) as never;
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      let comment = false;
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) comment = true;
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (comment && !data.length) this.comments++;
      else if (data.length) this.events.push({ event, data: JSON.parse(data.join('\n')), receivedAt: Date.now() });
    }
  }
}
