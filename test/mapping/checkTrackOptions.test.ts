import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import { eventNameFor } from '../../src/catalog/eventNameFor';
import { checkTrackOptions, eventNameProblem } from '../../src/mapping/checkTrackOptions';
import { toSegmentTrack } from '../../src/mapping/toSegmentTrack';
import { anyWebhookArbitrary } from '../arbitraries/webhook';

const names = catalogEntries.map((e) => e.event);

describe('checkTrackOptions (enabledEvents and eventNames of toSegmentTrack)', () => {
  it('throws a TypeError naming a misspelt event and listing the accepted spellings, instead of mapping every event to null', () => {
    const [webhook] = fc.sample(anyWebhookArbitrary, { numRuns: 1, seed: 1 });
    for (const options of [{ enabledEvents: ['Email Openned'] }, { enabledEvents: ['email opened'] }, { eventNames: { 'Email Opend': 'Opened' } }, { enabledEvents: [''] }]) {
      expect(() => toSegmentTrack(webhook!, options)).toThrow(TypeError);
      expect(() => toSegmentTrack(webhook!, options)).toThrow(/Event names are written as the catalog names them: "Email Drafted"/);
    }
    expect(() => toSegmentTrack(webhook!, { enabledEvents: ['Email Openned'] })).toThrow(/"Email Openned" is not an event name; did you mean "Email Opened"\?/);
    expect(() => toSegmentTrack(webhook!, { eventNames: { 'Email Opened': '' } })).toThrow(/new name of "Email Opened"/);
  });

  it('accepts every catalog name, and names the rule gives to events outside the catalog', () => {
    expect(() => checkTrackOptions({ enabledEvents: names, eventNames: Object.fromEntries(names.map((n) => [n, `${n}!`])) })).not.toThrow();
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{3,12}(_[a-z]{3,12})?$/), fc.stringMatching(/^[a-z]{3,12}$/), (objectType, metric) => {
        const name = eventNameFor(objectType, metric);
        // A name a typo away from a catalog name is refused even so: that is what a typo looks like.
        fc.pre(!names.some((n) => n.toLowerCase() !== name.toLowerCase() && Math.abs(n.length - name.length) <= 2 && n.slice(0, 4) === name.slice(0, 4)));
        expect(eventNameProblem(name, true)).toBeUndefined();
        expect(eventNameProblem(name, false) === undefined).toBe(names.includes(name));
      }),
      { numRuns: 300 },
    );
  });

  it('checks an options object once: the same object again is not checked again', () => {
    const options = { enabledEvents: ['Email Opened'] as string[] };
    checkTrackOptions(options);
    options.enabledEvents.push('not an event name');
    expect(() => checkTrackOptions(options)).not.toThrow();
    expect(() => checkTrackOptions({ ...options })).toThrow(TypeError);
  });
});
