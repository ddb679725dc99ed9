import type { IncomingHttpHeaders } from 'node:http';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type FirstOccurrenceDecision,
  type SignatureFailureReason,
  type SignatureVerification,
  segmentEndpoint,
  toSegmentBatches,
  verifyWebhookSignature,
} from '../../src/index';
import type { SegmentTrack } from '../../src/index';

describe('receive types', () => {
  test('Node and Web header values are accepted as they come', () => {
    const headers = {} as IncomingHttpHeaders;
    const web = new Headers();
    expectTypeOf(
      verifyWebhookSignature({
        rawBody: new Uint8Array(),
        timestamp: headers['x-cio-timestamp'],
        signature: headers['x-cio-signature'],
        signingKey: process.env.KEY,
      }),
    ).toEqualTypeOf<Promise<SignatureVerification>>();
    verifyWebhookSignature({
      rawBody: '',
      timestamp: web.get('x-cio-timestamp'),
      signature: web.get('x-cio-signature'),
      signingKey: 'k',
    });
  });

  test('the result narrows on valid, and reasons are a closed union', () => {
    const result = {} as SignatureVerification;
    if (!result.valid) expectTypeOf(result.reason).toEqualTypeOf<SignatureFailureReason>();
    expectTypeOf<'nope'>().not.toMatchTypeOf<SignatureFailureReason>();
  });

  test('batches keep the call type', () => {
    const calls = [] as SegmentTrack[];
    const { batches, rejected } = toSegmentBatches(calls);
    expectTypeOf(batches[0]!.body.batch).toEqualTypeOf<SegmentTrack[]>();
    expectTypeOf(rejected[0]!.call).toEqualTypeOf<SegmentTrack>();
  });

  test('regions are checked at compile time', () => {
    // @ts-expect-error: only 'us' and 'eu'
    segmentEndpoint('asia');
  });

  test('a failed decision has no release to call', () => {
    const decision = {} as FirstOccurrenceDecision;
    if (!decision.pass) expectTypeOf(decision).not.toHaveProperty('release');
    else expectTypeOf(decision.release).toEqualTypeOf<() => Promise<void>>();
  });
});
