import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { catalogEntries, findCatalogEntry } from '../../src/catalog/catalogEntries';
import { attributionFields, catalog, eventNameFor } from '../../src/index';
import { fieldTypes } from '../../src/catalog/catalog';
import { eventTypesSource } from '../../scripts/generate-event-types';

// Customer.io's published semantic event names, copied from reference/customerio-webhooks.md §5 (S3),
// with the Slack names (weak source) and without the truncated "Webhook F…".
const publishedNames: Record<string, string[]> = {
  email: ['Email Drafted', 'Email Attempted', 'Email Sent', 'Email Delivered', 'Email Opened', 'Email Link Clicked', 'Email Converted', 'Email Unsubscribed', 'Email Bounced', 'Email Suppressed', 'Email Marked as Spam', 'Email Failed', 'Email Deferred'],
  push: ['Push Drafted', 'Push Attempted', 'Push Sent', 'Push Delivered', 'Push Opened', 'Push Link Clicked', 'Push Converted', 'Push Bounced', 'Push Suppressed', 'Push Failed'],
  sms: ['SMS Drafted', 'SMS Attempted', 'SMS Sent', 'SMS Delivered', 'SMS Link Clicked', 'SMS Converted', 'SMS Bounced', 'SMS Failed'],
  in_app: ['In-App Drafted', 'In-App Attempted', 'In-App Sent', 'In-App Opened', 'In-App Clicked', 'In-App Converted', 'In-App Failed'],
  webhook: ['Webhook Drafted', 'Webhook Attempted', 'Webhook Sent', 'Webhook Link Clicked', 'Webhook Converted'],
  slack: ['Slack Drafted', 'Slack Attempted', 'Slack Sent', 'Slack Link Clicked', 'Slack Failed'],
};

describe('catalog', () => {
  test('every name Customer.io publishes is the name of a catalog entry of that channel', () => {
    for (const [objectType, names] of Object.entries(publishedNames)) {
      const ours = catalogEntries.filter((e) => e.objectType === objectType).map((e) => e.event);
      for (const name of names) expect(ours).toContain(name);
    }
  });

  test('unpublished names follow the rule, as design.md spells them', () => {
    expect(eventNameFor('email', 'undeliverable')).toBe('Email Undeliverable');
    expect(eventNameFor('sms', 'replied')).toBe('SMS Replied');
    expect(eventNameFor('customer', 'subscribed')).toBe('Customer Subscribed');
    expect(eventNameFor('whatsapp', 'clicked')).toBe('WhatsApp Link Clicked');
    expect(eventNameFor('whatsapp', 'dropped')).toBe('WhatsApp Suppressed');
    expect(eventNameFor('customer', 'cio_subscription_preferences_changed')).toBe('Customer Subscription Preferences Changed');
    expect(eventNameFor('letter', 'new_metric')).toBe('Letter New Metric');
    expect(eventNameFor('email', 'constructor')).toBe('Email Constructor');
    expect(eventNameFor('__proto__', 'toString')).toBe('Proto ToString');
  });

  test('covers every object_type × metric of customerio-webhooks.md §2–3', () => {
    const metrics: Record<string, string[]> = {
      email: ['drafted', 'attempted', 'sent', 'delivered', 'opened', 'clicked', 'converted', 'unsubscribed', 'bounced', 'dropped', 'spammed', 'failed', 'undeliverable', 'deferred'],
      push: ['drafted', 'attempted', 'sent', 'delivered', 'opened', 'clicked', 'converted', 'bounced', 'dropped', 'failed', 'undeliverable'],
      sms: ['drafted', 'attempted', 'sent', 'delivered', 'clicked', 'converted', 'bounced', 'failed', 'undeliverable', 'replied'],
      whatsapp: ['drafted', 'attempted', 'sent', 'delivered', 'opened', 'clicked', 'converted', 'bounced', 'dropped', 'failed', 'undeliverable', 'replied'],
      in_app: ['drafted', 'attempted', 'sent', 'opened', 'clicked', 'converted', 'failed', 'undeliverable'],
      slack: ['drafted', 'attempted', 'sent', 'clicked', 'failed', 'undeliverable'],
      webhook: ['drafted', 'attempted', 'sent', 'clicked', 'failed', 'undeliverable'],
      customer: ['subscribed', 'unsubscribed', 'cio_subscription_preferences_changed'],
    };
    for (const [objectType, list] of Object.entries(metrics)) {
      for (const metric of list) expect(findCatalogEntry(objectType, metric), `${objectType}/${metric}`).toBeDefined();
    }
    for (const channel of ['email', 'sms', 'push', 'whatsapp', 'in_app']) {
      for (const metric of ['subscribed', 'unsubscribed', 'cio_subscription_preferences_changed']) {
        expect(findCatalogEntry(channel, metric), `${channel}/${metric}`).toBeDefined();
      }
    }
  });

  test('event names are unique, and every field named has a type', () => {
    const names = catalogEntries.map((e) => e.event);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of catalogEntries) for (const field of entry.fields) expect(fieldTypes).toHaveProperty(field);
    for (const field of attributionFields) expect(fieldTypes).toHaveProperty(field);
    expect(catalogEntries.length).toBe(Object.values(catalog).reduce((n, metrics) => n + Object.keys(metrics).length, 0));
  });

  test('lookups never go through the prototype chain', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(findCatalogEntry('email', key)).toBeUndefined();
      expect(findCatalogEntry(key, 'sent')).toBeUndefined();
    }
  });

  test('src/events.ts is what the generator makes from the catalog', () => {
    expect(readFileSync(new URL('../../src/catalog/events.ts', import.meta.url), 'utf8')).toBe(eventTypesSource());
  });
});
