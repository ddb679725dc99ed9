import { channelLabels, channelMetricLabels, metricLabelExceptions } from './catalog';

function titleCase(value: string): string {
  let out = '';
  for (const word of value.split('_')) {
    if (word === '') continue;
    out += (out === '' ? '' : ' ') + word[0]!.toUpperCase() + word.slice(1);
  }
  return out;
}

/**
 * Names the Segment event of an `object_type` and `metric` by Customer.io's rule: `<Channel> <Metric>`.
 *
 * Known channels use their label (`SMS`, `In-App`, …); unknown ones are title-cased, so the rule also
 * names metrics Customer.io adds after this release. Never reads through the prototype chain.
 *
 * @example eventNameFor('email', 'clicked') // "Email Link Clicked"
 */
export function eventNameFor(objectType: string, metric: string): string {
  const channel = Object.hasOwn(channelLabels, objectType)
    ? channelLabels[objectType as keyof typeof channelLabels]
    : titleCase(objectType);
  const ownLabels: Readonly<Record<string, string>> | undefined = Object.hasOwn(channelMetricLabels, objectType)
    ? channelMetricLabels[objectType as keyof typeof channelMetricLabels]
    : undefined;
  const label =
    ownLabels !== undefined && Object.hasOwn(ownLabels, metric)
      ? ownLabels[metric]!
      : Object.hasOwn(metricLabelExceptions, metric)
        ? metricLabelExceptions[metric as keyof typeof metricLabelExceptions]
        : titleCase(metric);
  return `${channel} ${label}`;
}
