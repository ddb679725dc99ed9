import { readFileSync } from 'node:fs';

/** The six payloads of seed 004, by file stem. */
export const seedFixtureNames = [
  'email-opened',
  'sms-sent',
  'sms-link-clicked',
  'push-sent',
  'slack-sent',
  'webhook-sent',
] as const;

export interface SeedFixture {
  name: string;
  /** The webhook derived as input, with the options and clocks of the delivery. */
  input: {
    options: { bodyContent: boolean; writeKey: string };
    sentAt: string;
    receivedAt: string;
    webhook: Record<string, unknown>;
  };
  /** The payload exactly as seed 004 prints it. */
  documented: Record<string, unknown>;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/seed-004/${path}`, import.meta.url), 'utf8'));
}

/** Loads one seed-004 fixture pair. */
export function loadSeedFixture(name: string): SeedFixture {
  return {
    name,
    input: readJson(`${name}.webhook.json`) as SeedFixture['input'],
    documented: readJson(`${name}.segment.json`) as Record<string, unknown>,
  };
}
