import { mapWebhook, safeParseWebhook, toSegmentBatches, toSegmentTrack } from '../src/index';
import type { Comparison } from './comparison';
import { floorTrack } from './floor';

let sink: unknown;

/**
 * Validate + map and the pipeline to a `/v1/batch` body on one corpus, each with its floor: the
 * library against `JSON.parse` (and `JSON.stringify` of the calls), and the floor of the same work.
 */
export function floorComparisons({ bodies, corpus }: { bodies: string[]; corpus: string }): Comparison[] {
  const mapped = bodies.map((body) => floorTrack(JSON.parse(body)));
  const sentAt = new Date('2026-11-22T12:00:00Z');
  const parseOnly = {
    label: 'JSON.parse',
    run: () => {
      for (const body of bodies) sink = JSON.parse(body);
    },
  };
  const parseAndBuild = {
    label: 'JSON.parse + build the call',
    run: () => {
      for (const body of bodies) sink = floorTrack(JSON.parse(body));
    },
  };
  return [
    {
      name: `validate and map a webhook body, mapWebhook (${corpus})`,
      baseline: parseOnly,
      floor: parseAndBuild,
      subject: {
        label: 'JSON.parse + mapWebhook',
        run: () => {
          for (const body of bodies) {
            const result = mapWebhook(JSON.parse(body));
            sink = result.success ? result.value : result.issues;
          }
        },
      },
      events: bodies.length,
      // In time; 1.3× in instructions (bench/instructions.ts).
      target: corpus === 'time order' ? 1.4 : 1.45,
    },
    {
      name: `the same with safeParseWebhook and toSegmentTrack apart (${corpus})`,
      // As a receiver does: each result is used and let go before the next body.
      baseline: parseOnly,
      floor: parseAndBuild,
      subject: {
        label: 'JSON.parse + safeParseWebhook + toSegmentTrack',
        run: () => {
          for (const body of bodies) {
            const parsed = safeParseWebhook(JSON.parse(body));
            sink = parsed.success ? toSegmentTrack(parsed.value) : parsed.issues;
          }
        },
      },
      events: bodies.length,
      target: corpus === 'time order' ? 1.4 : 1.45,
    },
    {
      name: `webhook bodies to a /v1/batch body string (${corpus})`,
      baseline: {
        label: 'JSON.parse of each body + JSON.stringify of the mapped calls',
        run: () => {
          for (const body of bodies) JSON.parse(body);
          return JSON.stringify({ batch: mapped, sentAt });
        },
      },
      floor: {
        label: 'JSON.parse + build the call + one JSON.stringify of the batch',
        run: () => {
          const calls: Record<string, unknown>[] = [];
          for (const body of bodies) calls.push(floorTrack(JSON.parse(body)));
          return JSON.stringify({ batch: calls, sentAt });
        },
      },
      subject: {
        // As the webhook handler does it: mapWebhook, then the batches.
        label: 'JSON.parse + mapWebhook + toSegmentBatches',
        run: () => {
          const calls: object[] = [];
          for (const body of bodies) {
            const result = mapWebhook(JSON.parse(body));
            if (result.success && result.value !== null) calls.push(result.value);
          }
          return toSegmentBatches(calls, { sentAt }).batches.map((batch) => batch.json);
        },
      },
      events: bodies.length,
      // In time; 1.3× in instructions.
      target: 1.5,
    },
  ];
}

/** `void`s the sink so that no run is optimised away. */
export function floorSink(): unknown {
  return sink;
}
