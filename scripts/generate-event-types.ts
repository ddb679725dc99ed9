// Writes src/catalog/events.ts: one named webhook type and one named track type per catalog entry.
// Run `npm run generate`; test/catalog/catalog.test.ts fails when the file is out of date with the catalog.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogEntries } from '../src/catalog/catalogEntries';

/** Turns an event name into a type-name stem: "In-App Clicked" → "InAppClicked", "SMS Sent" → "SmsSent". */
export function typeStem(eventName: string): string {
  return eventName
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => (word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
}

/** The text of src/catalog/events.ts. */
export function eventTypesSource(): string {
  const lines = [
    '// Generated from the catalog by scripts/generate-event-types.ts: do not edit by hand.',
    "import type { ReportingWebhookOf } from './reportingWebhook';",
    "import type { SegmentTrackFor } from './segmentTrack';",
    '',
  ];
  for (const { objectType, metric, event } of catalogEntries) {
    const stem = typeStem(event);
    lines.push(
      `/** The reporting webhook \`${objectType}\`/\`${metric}\`, mapped to "${event}". */`,
      `export type ${stem}Webhook = ReportingWebhookOf<'${objectType}', '${metric}'>;`,
      `/** The track call "${event}", made from the \`${objectType}\`/\`${metric}\` webhook. */`,
      `export type ${stem}Track = SegmentTrackFor<'${objectType}', '${metric}'>;`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../src/catalog/events.ts', import.meta.url), eventTypesSource());
}
