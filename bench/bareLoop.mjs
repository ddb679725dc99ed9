// The baseline of the CLI benchmark: read NDJSON line by line, JSON.parse and JSON.stringify each line.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output);
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Number.POSITIVE_INFINITY })) {
  if (line === '') continue;
  if (!out.write(`${JSON.stringify(JSON.parse(line))}\n`)) await new Promise((resolve) => out.once('drain', resolve));
}
out.end();
