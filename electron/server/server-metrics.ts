import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServerStore } from './server-store';

/**
 * What a node tells Prometheus at GET /metrics: requests by route and status, their latencies, changes stored, live
 * clients, database connections, and the process's own figures (event-loop lag, memory). One registry per server,
 * so several servers in one process (tests) keep their own counts.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'release_desk_requests_total', help: 'Requests answered, by route and status.', labelNames: ['route', 'status'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'release_desk_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by route.',
    labelNames: ['route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly stored = new Counter({ name: 'release_desk_changes_stored_total', help: 'Changes this node stored (duplicates not counted).', registers: [this.registry] });
  private readonly sent = new Counter({ name: 'release_desk_changes_sent_total', help: 'Changes this node sent in pull answers.', registers: [this.registry] });
  /** Open live streams; the live-stream route moves it. */
  readonly liveClients = new Gauge({ name: 'release_desk_live_clients', help: 'Live streams open on this node.', registers: [this.registry] });

  constructor(store: ServerStore) {
    const connections = store.connections?.bind(store);
    if (connections) {
      new Gauge({
        name: 'release_desk_db_connections',
        help: 'Database connections of this node, by state (idle, busy, and requests waiting for one).',
        labelNames: ['state'],
        registers: [this.registry],
        collect() {
          const { total, idle, waiting } = connections();
          this.set({ state: 'idle' }, idle);
          this.set({ state: 'busy' }, total - idle);
          this.set({ state: 'waiting' }, waiting);
        },
      });
    }
    collectDefaultMetrics({ register: this.registry, prefix: 'release_desk_' });
  }

  answered(route: string, status: number, seconds: number, changes: { stored?: number; sent?: number }): void {
    this.requests.inc({ route, status });
    this.latency.observe({ route }, seconds);
    if (changes.stored) this.stored.inc(changes.stored);
    if (changes.sent) this.sent.inc(changes.sent);
  }
}
