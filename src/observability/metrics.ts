/** Prometheus metrics (prom-client), served on /metrics by src/observability/health-server.ts. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'zct_' });

export const metrics = {
  messages: new Counter({
    name: 'zct_messages_total',
    help: 'Messages handled, by platform and intent',
    labelNames: ['platform', 'intent'] as const,
    registers: [registry],
  }),
  duplicates: new Counter({
    name: 'zct_duplicate_deliveries_total',
    help: 'Redelivered messages that were not handled again',
    labelNames: ['platform'] as const,
    registers: [registry],
  }),
  errors: new Counter({
    name: 'zct_errors_total',
    help: 'Messages that failed, by kind (store, internal, platform)',
    labelNames: ['platform', 'kind'] as const,
    registers: [registry],
  }),
  latency: new Histogram({
    name: 'zct_message_seconds',
    help: 'Time from message in to reply ready',
    labelNames: ['platform'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  }),
  connected: new Gauge({
    name: 'zct_connection_up',
    help: '1 when a connection (redis, dingtalk, slack) is up',
    labelNames: ['target'] as const,
    registers: [registry],
  }),
};
