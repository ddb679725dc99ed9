// Generated from the catalog by scripts/generate-event-types.ts: do not edit by hand.
import type { ReportingWebhookOf } from './reportingWebhook';
import type { SegmentTrackFor } from './segmentTrack';

/** The reporting webhook `email`/`drafted`, mapped to "Email Drafted". */
export type EmailDraftedWebhook = ReportingWebhookOf<'email', 'drafted'>;
/** The track call "Email Drafted", made from the `email`/`drafted` webhook. */
export type EmailDraftedTrack = SegmentTrackFor<'email', 'drafted'>;
/** The reporting webhook `email`/`attempted`, mapped to "Email Attempted". */
export type EmailAttemptedWebhook = ReportingWebhookOf<'email', 'attempted'>;
/** The track call "Email Attempted", made from the `email`/`attempted` webhook. */
export type EmailAttemptedTrack = SegmentTrackFor<'email', 'attempted'>;
/** The reporting webhook `email`/`sent`, mapped to "Email Sent". */
export type EmailSentWebhook = ReportingWebhookOf<'email', 'sent'>;
/** The track call "Email Sent", made from the `email`/`sent` webhook. */
export type EmailSentTrack = SegmentTrackFor<'email', 'sent'>;
/** The reporting webhook `email`/`delivered`, mapped to "Email Delivered". */
export type EmailDeliveredWebhook = ReportingWebhookOf<'email', 'delivered'>;
/** The track call "Email Delivered", made from the `email`/`delivered` webhook. */
export type EmailDeliveredTrack = SegmentTrackFor<'email', 'delivered'>;
/** The reporting webhook `email`/`opened`, mapped to "Email Opened". */
export type EmailOpenedWebhook = ReportingWebhookOf<'email', 'opened'>;
/** The track call "Email Opened", made from the `email`/`opened` webhook. */
export type EmailOpenedTrack = SegmentTrackFor<'email', 'opened'>;
/** The reporting webhook `email`/`clicked`, mapped to "Email Link Clicked". */
export type EmailLinkClickedWebhook = ReportingWebhookOf<'email', 'clicked'>;
/** The track call "Email Link Clicked", made from the `email`/`clicked` webhook. */
export type EmailLinkClickedTrack = SegmentTrackFor<'email', 'clicked'>;
/** The reporting webhook `email`/`converted`, mapped to "Email Converted". */
export type EmailConvertedWebhook = ReportingWebhookOf<'email', 'converted'>;
/** The track call "Email Converted", made from the `email`/`converted` webhook. */
export type EmailConvertedTrack = SegmentTrackFor<'email', 'converted'>;
/** The reporting webhook `email`/`unsubscribed`, mapped to "Email Unsubscribed". */
export type EmailUnsubscribedWebhook = ReportingWebhookOf<'email', 'unsubscribed'>;
/** The track call "Email Unsubscribed", made from the `email`/`unsubscribed` webhook. */
export type EmailUnsubscribedTrack = SegmentTrackFor<'email', 'unsubscribed'>;
/** The reporting webhook `email`/`bounced`, mapped to "Email Bounced". */
export type EmailBouncedWebhook = ReportingWebhookOf<'email', 'bounced'>;
/** The track call "Email Bounced", made from the `email`/`bounced` webhook. */
export type EmailBouncedTrack = SegmentTrackFor<'email', 'bounced'>;
/** The reporting webhook `email`/`dropped`, mapped to "Email Suppressed". */
export type EmailSuppressedWebhook = ReportingWebhookOf<'email', 'dropped'>;
/** The track call "Email Suppressed", made from the `email`/`dropped` webhook. */
export type EmailSuppressedTrack = SegmentTrackFor<'email', 'dropped'>;
/** The reporting webhook `email`/`spammed`, mapped to "Email Marked as Spam". */
export type EmailMarkedAsSpamWebhook = ReportingWebhookOf<'email', 'spammed'>;
/** The track call "Email Marked as Spam", made from the `email`/`spammed` webhook. */
export type EmailMarkedAsSpamTrack = SegmentTrackFor<'email', 'spammed'>;
/** The reporting webhook `email`/`failed`, mapped to "Email Failed". */
export type EmailFailedWebhook = ReportingWebhookOf<'email', 'failed'>;
/** The track call "Email Failed", made from the `email`/`failed` webhook. */
export type EmailFailedTrack = SegmentTrackFor<'email', 'failed'>;
/** The reporting webhook `email`/`undeliverable`, mapped to "Email Undeliverable". */
export type EmailUndeliverableWebhook = ReportingWebhookOf<'email', 'undeliverable'>;
/** The track call "Email Undeliverable", made from the `email`/`undeliverable` webhook. */
export type EmailUndeliverableTrack = SegmentTrackFor<'email', 'undeliverable'>;
/** The reporting webhook `email`/`deferred`, mapped to "Email Deferred". */
export type EmailDeferredWebhook = ReportingWebhookOf<'email', 'deferred'>;
/** The track call "Email Deferred", made from the `email`/`deferred` webhook. */
export type EmailDeferredTrack = SegmentTrackFor<'email', 'deferred'>;
/** The reporting webhook `email`/`subscribed`, mapped to "Email Subscribed". */
export type EmailSubscribedWebhook = ReportingWebhookOf<'email', 'subscribed'>;
/** The track call "Email Subscribed", made from the `email`/`subscribed` webhook. */
export type EmailSubscribedTrack = SegmentTrackFor<'email', 'subscribed'>;
/** The reporting webhook `email`/`cio_subscription_preferences_changed`, mapped to "Email Subscription Preferences Changed". */
export type EmailSubscriptionPreferencesChangedWebhook = ReportingWebhookOf<'email', 'cio_subscription_preferences_changed'>;
/** The track call "Email Subscription Preferences Changed", made from the `email`/`cio_subscription_preferences_changed` webhook. */
export type EmailSubscriptionPreferencesChangedTrack = SegmentTrackFor<'email', 'cio_subscription_preferences_changed'>;
/** The reporting webhook `push`/`drafted`, mapped to "Push Drafted". */
export type PushDraftedWebhook = ReportingWebhookOf<'push', 'drafted'>;
/** The track call "Push Drafted", made from the `push`/`drafted` webhook. */
export type PushDraftedTrack = SegmentTrackFor<'push', 'drafted'>;
/** The reporting webhook `push`/`attempted`, mapped to "Push Attempted". */
export type PushAttemptedWebhook = ReportingWebhookOf<'push', 'attempted'>;
/** The track call "Push Attempted", made from the `push`/`attempted` webhook. */
export type PushAttemptedTrack = SegmentTrackFor<'push', 'attempted'>;
/** The reporting webhook `push`/`sent`, mapped to "Push Sent". */
export type PushSentWebhook = ReportingWebhookOf<'push', 'sent'>;
/** The track call "Push Sent", made from the `push`/`sent` webhook. */
export type PushSentTrack = SegmentTrackFor<'push', 'sent'>;
/** The reporting webhook `push`/`delivered`, mapped to "Push Delivered". */
export type PushDeliveredWebhook = ReportingWebhookOf<'push', 'delivered'>;
/** The track call "Push Delivered", made from the `push`/`delivered` webhook. */
export type PushDeliveredTrack = SegmentTrackFor<'push', 'delivered'>;
/** The reporting webhook `push`/`opened`, mapped to "Push Opened". */
export type PushOpenedWebhook = ReportingWebhookOf<'push', 'opened'>;
/** The track call "Push Opened", made from the `push`/`opened` webhook. */
export type PushOpenedTrack = SegmentTrackFor<'push', 'opened'>;
/** The reporting webhook `push`/`clicked`, mapped to "Push Link Clicked". */
export type PushLinkClickedWebhook = ReportingWebhookOf<'push', 'clicked'>;
/** The track call "Push Link Clicked", made from the `push`/`clicked` webhook. */
export type PushLinkClickedTrack = SegmentTrackFor<'push', 'clicked'>;
/** The reporting webhook `push`/`converted`, mapped to "Push Converted". */
export type PushConvertedWebhook = ReportingWebhookOf<'push', 'converted'>;
/** The track call "Push Converted", made from the `push`/`converted` webhook. */
export type PushConvertedTrack = SegmentTrackFor<'push', 'converted'>;
/** The reporting webhook `push`/`bounced`, mapped to "Push Bounced". */
export type PushBouncedWebhook = ReportingWebhookOf<'push', 'bounced'>;
/** The track call "Push Bounced", made from the `push`/`bounced` webhook. */
export type PushBouncedTrack = SegmentTrackFor<'push', 'bounced'>;
/** The reporting webhook `push`/`dropped`, mapped to "Push Suppressed". */
export type PushSuppressedWebhook = ReportingWebhookOf<'push', 'dropped'>;
/** The track call "Push Suppressed", made from the `push`/`dropped` webhook. */
export type PushSuppressedTrack = SegmentTrackFor<'push', 'dropped'>;
/** The reporting webhook `push`/`failed`, mapped to "Push Failed". */
export type PushFailedWebhook = ReportingWebhookOf<'push', 'failed'>;
/** The track call "Push Failed", made from the `push`/`failed` webhook. */
export type PushFailedTrack = SegmentTrackFor<'push', 'failed'>;
/** The reporting webhook `push`/`undeliverable`, mapped to "Push Undeliverable". */
export type PushUndeliverableWebhook = ReportingWebhookOf<'push', 'undeliverable'>;
/** The track call "Push Undeliverable", made from the `push`/`undeliverable` webhook. */
export type PushUndeliverableTrack = SegmentTrackFor<'push', 'undeliverable'>;
/** The reporting webhook `push`/`subscribed`, mapped to "Push Subscribed". */
export type PushSubscribedWebhook = ReportingWebhookOf<'push', 'subscribed'>;
/** The track call "Push Subscribed", made from the `push`/`subscribed` webhook. */
export type PushSubscribedTrack = SegmentTrackFor<'push', 'subscribed'>;
/** The reporting webhook `push`/`unsubscribed`, mapped to "Push Unsubscribed". */
export type PushUnsubscribedWebhook = ReportingWebhookOf<'push', 'unsubscribed'>;
/** The track call "Push Unsubscribed", made from the `push`/`unsubscribed` webhook. */
export type PushUnsubscribedTrack = SegmentTrackFor<'push', 'unsubscribed'>;
/** The reporting webhook `push`/`cio_subscription_preferences_changed`, mapped to "Push Subscription Preferences Changed". */
export type PushSubscriptionPreferencesChangedWebhook = ReportingWebhookOf<'push', 'cio_subscription_preferences_changed'>;
/** The track call "Push Subscription Preferences Changed", made from the `push`/`cio_subscription_preferences_changed` webhook. */
export type PushSubscriptionPreferencesChangedTrack = SegmentTrackFor<'push', 'cio_subscription_preferences_changed'>;
/** The reporting webhook `sms`/`drafted`, mapped to "SMS Drafted". */
export type SmsDraftedWebhook = ReportingWebhookOf<'sms', 'drafted'>;
/** The track call "SMS Drafted", made from the `sms`/`drafted` webhook. */
export type SmsDraftedTrack = SegmentTrackFor<'sms', 'drafted'>;
/** The reporting webhook `sms`/`attempted`, mapped to "SMS Attempted". */
export type SmsAttemptedWebhook = ReportingWebhookOf<'sms', 'attempted'>;
/** The track call "SMS Attempted", made from the `sms`/`attempted` webhook. */
export type SmsAttemptedTrack = SegmentTrackFor<'sms', 'attempted'>;
/** The reporting webhook `sms`/`sent`, mapped to "SMS Sent". */
export type SmsSentWebhook = ReportingWebhookOf<'sms', 'sent'>;
/** The track call "SMS Sent", made from the `sms`/`sent` webhook. */
export type SmsSentTrack = SegmentTrackFor<'sms', 'sent'>;
/** The reporting webhook `sms`/`delivered`, mapped to "SMS Delivered". */
export type SmsDeliveredWebhook = ReportingWebhookOf<'sms', 'delivered'>;
/** The track call "SMS Delivered", made from the `sms`/`delivered` webhook. */
export type SmsDeliveredTrack = SegmentTrackFor<'sms', 'delivered'>;
/** The reporting webhook `sms`/`clicked`, mapped to "SMS Link Clicked". */
export type SmsLinkClickedWebhook = ReportingWebhookOf<'sms', 'clicked'>;
/** The track call "SMS Link Clicked", made from the `sms`/`clicked` webhook. */
export type SmsLinkClickedTrack = SegmentTrackFor<'sms', 'clicked'>;
/** The reporting webhook `sms`/`converted`, mapped to "SMS Converted". */
export type SmsConvertedWebhook = ReportingWebhookOf<'sms', 'converted'>;
/** The track call "SMS Converted", made from the `sms`/`converted` webhook. */
export type SmsConvertedTrack = SegmentTrackFor<'sms', 'converted'>;
/** The reporting webhook `sms`/`bounced`, mapped to "SMS Bounced". */
export type SmsBouncedWebhook = ReportingWebhookOf<'sms', 'bounced'>;
/** The track call "SMS Bounced", made from the `sms`/`bounced` webhook. */
export type SmsBouncedTrack = SegmentTrackFor<'sms', 'bounced'>;
/** The reporting webhook `sms`/`failed`, mapped to "SMS Failed". */
export type SmsFailedWebhook = ReportingWebhookOf<'sms', 'failed'>;
/** The track call "SMS Failed", made from the `sms`/`failed` webhook. */
export type SmsFailedTrack = SegmentTrackFor<'sms', 'failed'>;
/** The reporting webhook `sms`/`undeliverable`, mapped to "SMS Undeliverable". */
export type SmsUndeliverableWebhook = ReportingWebhookOf<'sms', 'undeliverable'>;
/** The track call "SMS Undeliverable", made from the `sms`/`undeliverable` webhook. */
export type SmsUndeliverableTrack = SegmentTrackFor<'sms', 'undeliverable'>;
/** The reporting webhook `sms`/`replied`, mapped to "SMS Replied". */
export type SmsRepliedWebhook = ReportingWebhookOf<'sms', 'replied'>;
/** The track call "SMS Replied", made from the `sms`/`replied` webhook. */
export type SmsRepliedTrack = SegmentTrackFor<'sms', 'replied'>;
/** The reporting webhook `sms`/`dropped`, mapped to "SMS Suppressed". */
export type SmsSuppressedWebhook = ReportingWebhookOf<'sms', 'dropped'>;
/** The track call "SMS Suppressed", made from the `sms`/`dropped` webhook. */
export type SmsSuppressedTrack = SegmentTrackFor<'sms', 'dropped'>;
/** The reporting webhook `sms`/`subscribed`, mapped to "SMS Subscribed". */
export type SmsSubscribedWebhook = ReportingWebhookOf<'sms', 'subscribed'>;
/** The track call "SMS Subscribed", made from the `sms`/`subscribed` webhook. */
export type SmsSubscribedTrack = SegmentTrackFor<'sms', 'subscribed'>;
/** The reporting webhook `sms`/`unsubscribed`, mapped to "SMS Unsubscribed". */
export type SmsUnsubscribedWebhook = ReportingWebhookOf<'sms', 'unsubscribed'>;
/** The track call "SMS Unsubscribed", made from the `sms`/`unsubscribed` webhook. */
export type SmsUnsubscribedTrack = SegmentTrackFor<'sms', 'unsubscribed'>;
/** The reporting webhook `sms`/`cio_subscription_preferences_changed`, mapped to "SMS Subscription Preferences Changed". */
export type SmsSubscriptionPreferencesChangedWebhook = ReportingWebhookOf<'sms', 'cio_subscription_preferences_changed'>;
/** The track call "SMS Subscription Preferences Changed", made from the `sms`/`cio_subscription_preferences_changed` webhook. */
export type SmsSubscriptionPreferencesChangedTrack = SegmentTrackFor<'sms', 'cio_subscription_preferences_changed'>;
/** The reporting webhook `whatsapp`/`drafted`, mapped to "WhatsApp Drafted". */
export type WhatsAppDraftedWebhook = ReportingWebhookOf<'whatsapp', 'drafted'>;
/** The track call "WhatsApp Drafted", made from the `whatsapp`/`drafted` webhook. */
export type WhatsAppDraftedTrack = SegmentTrackFor<'whatsapp', 'drafted'>;
/** The reporting webhook `whatsapp`/`attempted`, mapped to "WhatsApp Attempted". */
export type WhatsAppAttemptedWebhook = ReportingWebhookOf<'whatsapp', 'attempted'>;
/** The track call "WhatsApp Attempted", made from the `whatsapp`/`attempted` webhook. */
export type WhatsAppAttemptedTrack = SegmentTrackFor<'whatsapp', 'attempted'>;
/** The reporting webhook `whatsapp`/`sent`, mapped to "WhatsApp Sent". */
export type WhatsAppSentWebhook = ReportingWebhookOf<'whatsapp', 'sent'>;
/** The track call "WhatsApp Sent", made from the `whatsapp`/`sent` webhook. */
export type WhatsAppSentTrack = SegmentTrackFor<'whatsapp', 'sent'>;
/** The reporting webhook `whatsapp`/`delivered`, mapped to "WhatsApp Delivered". */
export type WhatsAppDeliveredWebhook = ReportingWebhookOf<'whatsapp', 'delivered'>;
/** The track call "WhatsApp Delivered", made from the `whatsapp`/`delivered` webhook. */
export type WhatsAppDeliveredTrack = SegmentTrackFor<'whatsapp', 'delivered'>;
/** The reporting webhook `whatsapp`/`opened`, mapped to "WhatsApp Opened". */
export type WhatsAppOpenedWebhook = ReportingWebhookOf<'whatsapp', 'opened'>;
/** The track call "WhatsApp Opened", made from the `whatsapp`/`opened` webhook. */
export type WhatsAppOpenedTrack = SegmentTrackFor<'whatsapp', 'opened'>;
/** The reporting webhook `whatsapp`/`clicked`, mapped to "WhatsApp Link Clicked". */
export type WhatsAppLinkClickedWebhook = ReportingWebhookOf<'whatsapp', 'clicked'>;
/** The track call "WhatsApp Link Clicked", made from the `whatsapp`/`clicked` webhook. */
export type WhatsAppLinkClickedTrack = SegmentTrackFor<'whatsapp', 'clicked'>;
/** The reporting webhook `whatsapp`/`converted`, mapped to "WhatsApp Converted". */
export type WhatsAppConvertedWebhook = ReportingWebhookOf<'whatsapp', 'converted'>;
/** The track call "WhatsApp Converted", made from the `whatsapp`/`converted` webhook. */
export type WhatsAppConvertedTrack = SegmentTrackFor<'whatsapp', 'converted'>;
/** The reporting webhook `whatsapp`/`bounced`, mapped to "WhatsApp Bounced". */
export type WhatsAppBouncedWebhook = ReportingWebhookOf<'whatsapp', 'bounced'>;
/** The track call "WhatsApp Bounced", made from the `whatsapp`/`bounced` webhook. */
export type WhatsAppBouncedTrack = SegmentTrackFor<'whatsapp', 'bounced'>;
/** The reporting webhook `whatsapp`/`dropped`, mapped to "WhatsApp Suppressed". */
export type WhatsAppSuppressedWebhook = ReportingWebhookOf<'whatsapp', 'dropped'>;
/** The track call "WhatsApp Suppressed", made from the `whatsapp`/`dropped` webhook. */
export type WhatsAppSuppressedTrack = SegmentTrackFor<'whatsapp', 'dropped'>;
/** The reporting webhook `whatsapp`/`failed`, mapped to "WhatsApp Failed". */
export type WhatsAppFailedWebhook = ReportingWebhookOf<'whatsapp', 'failed'>;
/** The track call "WhatsApp Failed", made from the `whatsapp`/`failed` webhook. */
export type WhatsAppFailedTrack = SegmentTrackFor<'whatsapp', 'failed'>;
/** The reporting webhook `whatsapp`/`undeliverable`, mapped to "WhatsApp Undeliverable". */
export type WhatsAppUndeliverableWebhook = ReportingWebhookOf<'whatsapp', 'undeliverable'>;
/** The track call "WhatsApp Undeliverable", made from the `whatsapp`/`undeliverable` webhook. */
export type WhatsAppUndeliverableTrack = SegmentTrackFor<'whatsapp', 'undeliverable'>;
/** The reporting webhook `whatsapp`/`replied`, mapped to "WhatsApp Replied". */
export type WhatsAppRepliedWebhook = ReportingWebhookOf<'whatsapp', 'replied'>;
/** The track call "WhatsApp Replied", made from the `whatsapp`/`replied` webhook. */
export type WhatsAppRepliedTrack = SegmentTrackFor<'whatsapp', 'replied'>;
/** The reporting webhook `whatsapp`/`subscribed`, mapped to "WhatsApp Subscribed". */
export type WhatsAppSubscribedWebhook = ReportingWebhookOf<'whatsapp', 'subscribed'>;
/** The track call "WhatsApp Subscribed", made from the `whatsapp`/`subscribed` webhook. */
export type WhatsAppSubscribedTrack = SegmentTrackFor<'whatsapp', 'subscribed'>;
/** The reporting webhook `whatsapp`/`unsubscribed`, mapped to "WhatsApp Unsubscribed". */
export type WhatsAppUnsubscribedWebhook = ReportingWebhookOf<'whatsapp', 'unsubscribed'>;
/** The track call "WhatsApp Unsubscribed", made from the `whatsapp`/`unsubscribed` webhook. */
export type WhatsAppUnsubscribedTrack = SegmentTrackFor<'whatsapp', 'unsubscribed'>;
/** The reporting webhook `whatsapp`/`cio_subscription_preferences_changed`, mapped to "WhatsApp Subscription Preferences Changed". */
export type WhatsAppSubscriptionPreferencesChangedWebhook = ReportingWebhookOf<'whatsapp', 'cio_subscription_preferences_changed'>;
/** The track call "WhatsApp Subscription Preferences Changed", made from the `whatsapp`/`cio_subscription_preferences_changed` webhook. */
export type WhatsAppSubscriptionPreferencesChangedTrack = SegmentTrackFor<'whatsapp', 'cio_subscription_preferences_changed'>;
/** The reporting webhook `in_app`/`drafted`, mapped to "In-App Drafted". */
export type InAppDraftedWebhook = ReportingWebhookOf<'in_app', 'drafted'>;
/** The track call "In-App Drafted", made from the `in_app`/`drafted` webhook. */
export type InAppDraftedTrack = SegmentTrackFor<'in_app', 'drafted'>;
/** The reporting webhook `in_app`/`attempted`, mapped to "In-App Attempted". */
export type InAppAttemptedWebhook = ReportingWebhookOf<'in_app', 'attempted'>;
/** The track call "In-App Attempted", made from the `in_app`/`attempted` webhook. */
export type InAppAttemptedTrack = SegmentTrackFor<'in_app', 'attempted'>;
/** The reporting webhook `in_app`/`sent`, mapped to "In-App Sent". */
export type InAppSentWebhook = ReportingWebhookOf<'in_app', 'sent'>;
/** The track call "In-App Sent", made from the `in_app`/`sent` webhook. */
export type InAppSentTrack = SegmentTrackFor<'in_app', 'sent'>;
/** The reporting webhook `in_app`/`opened`, mapped to "In-App Opened". */
export type InAppOpenedWebhook = ReportingWebhookOf<'in_app', 'opened'>;
/** The track call "In-App Opened", made from the `in_app`/`opened` webhook. */
export type InAppOpenedTrack = SegmentTrackFor<'in_app', 'opened'>;
/** The reporting webhook `in_app`/`clicked`, mapped to "In-App Clicked". */
export type InAppClickedWebhook = ReportingWebhookOf<'in_app', 'clicked'>;
/** The track call "In-App Clicked", made from the `in_app`/`clicked` webhook. */
export type InAppClickedTrack = SegmentTrackFor<'in_app', 'clicked'>;
/** The reporting webhook `in_app`/`converted`, mapped to "In-App Converted". */
export type InAppConvertedWebhook = ReportingWebhookOf<'in_app', 'converted'>;
/** The track call "In-App Converted", made from the `in_app`/`converted` webhook. */
export type InAppConvertedTrack = SegmentTrackFor<'in_app', 'converted'>;
/** The reporting webhook `in_app`/`failed`, mapped to "In-App Failed". */
export type InAppFailedWebhook = ReportingWebhookOf<'in_app', 'failed'>;
/** The track call "In-App Failed", made from the `in_app`/`failed` webhook. */
export type InAppFailedTrack = SegmentTrackFor<'in_app', 'failed'>;
/** The reporting webhook `in_app`/`undeliverable`, mapped to "In-App Undeliverable". */
export type InAppUndeliverableWebhook = ReportingWebhookOf<'in_app', 'undeliverable'>;
/** The track call "In-App Undeliverable", made from the `in_app`/`undeliverable` webhook. */
export type InAppUndeliverableTrack = SegmentTrackFor<'in_app', 'undeliverable'>;
/** The reporting webhook `in_app`/`subscribed`, mapped to "In-App Subscribed". */
export type InAppSubscribedWebhook = ReportingWebhookOf<'in_app', 'subscribed'>;
/** The track call "In-App Subscribed", made from the `in_app`/`subscribed` webhook. */
export type InAppSubscribedTrack = SegmentTrackFor<'in_app', 'subscribed'>;
/** The reporting webhook `in_app`/`unsubscribed`, mapped to "In-App Unsubscribed". */
export type InAppUnsubscribedWebhook = ReportingWebhookOf<'in_app', 'unsubscribed'>;
/** The track call "In-App Unsubscribed", made from the `in_app`/`unsubscribed` webhook. */
export type InAppUnsubscribedTrack = SegmentTrackFor<'in_app', 'unsubscribed'>;
/** The reporting webhook `in_app`/`cio_subscription_preferences_changed`, mapped to "In-App Subscription Preferences Changed". */
export type InAppSubscriptionPreferencesChangedWebhook = ReportingWebhookOf<'in_app', 'cio_subscription_preferences_changed'>;
/** The track call "In-App Subscription Preferences Changed", made from the `in_app`/`cio_subscription_preferences_changed` webhook. */
export type InAppSubscriptionPreferencesChangedTrack = SegmentTrackFor<'in_app', 'cio_subscription_preferences_changed'>;
/** The reporting webhook `slack`/`drafted`, mapped to "Slack Drafted". */
export type SlackDraftedWebhook = ReportingWebhookOf<'slack', 'drafted'>;
/** The track call "Slack Drafted", made from the `slack`/`drafted` webhook. */
export type SlackDraftedTrack = SegmentTrackFor<'slack', 'drafted'>;
/** The reporting webhook `slack`/`attempted`, mapped to "Slack Attempted". */
export type SlackAttemptedWebhook = ReportingWebhookOf<'slack', 'attempted'>;
/** The track call "Slack Attempted", made from the `slack`/`attempted` webhook. */
export type SlackAttemptedTrack = SegmentTrackFor<'slack', 'attempted'>;
/** The reporting webhook `slack`/`sent`, mapped to "Slack Sent". */
export type SlackSentWebhook = ReportingWebhookOf<'slack', 'sent'>;
/** The track call "Slack Sent", made from the `slack`/`sent` webhook. */
export type SlackSentTrack = SegmentTrackFor<'slack', 'sent'>;
/** The reporting webhook `slack`/`clicked`, mapped to "Slack Link Clicked". */
export type SlackLinkClickedWebhook = ReportingWebhookOf<'slack', 'clicked'>;
/** The track call "Slack Link Clicked", made from the `slack`/`clicked` webhook. */
export type SlackLinkClickedTrack = SegmentTrackFor<'slack', 'clicked'>;
/** The reporting webhook `slack`/`converted`, mapped to "Slack Converted". */
export type SlackConvertedWebhook = ReportingWebhookOf<'slack', 'converted'>;
/** The track call "Slack Converted", made from the `slack`/`converted` webhook. */
export type SlackConvertedTrack = SegmentTrackFor<'slack', 'converted'>;
/** The reporting webhook `slack`/`failed`, mapped to "Slack Failed". */
export type SlackFailedWebhook = ReportingWebhookOf<'slack', 'failed'>;
/** The track call "Slack Failed", made from the `slack`/`failed` webhook. */
export type SlackFailedTrack = SegmentTrackFor<'slack', 'failed'>;
/** The reporting webhook `slack`/`undeliverable`, mapped to "Slack Undeliverable". */
export type SlackUndeliverableWebhook = ReportingWebhookOf<'slack', 'undeliverable'>;
/** The track call "Slack Undeliverable", made from the `slack`/`undeliverable` webhook. */
export type SlackUndeliverableTrack = SegmentTrackFor<'slack', 'undeliverable'>;
/** The reporting webhook `slack`/`subscribed`, mapped to "Slack Subscribed". */
export type SlackSubscribedWebhook = ReportingWebhookOf<'slack', 'subscribed'>;
/** The track call "Slack Subscribed", made from the `slack`/`subscribed` webhook. */
export type SlackSubscribedTrack = SegmentTrackFor<'slack', 'subscribed'>;
/** The reporting webhook `slack`/`unsubscribed`, mapped to "Slack Unsubscribed". */
export type SlackUnsubscribedWebhook = ReportingWebhookOf<'slack', 'unsubscribed'>;
/** The track call "Slack Unsubscribed", made from the `slack`/`unsubscribed` webhook. */
export type SlackUnsubscribedTrack = SegmentTrackFor<'slack', 'unsubscribed'>;
/** The reporting webhook `slack`/`cio_subscription_preferences_changed`, mapped to "Slack Subscription Preferences Changed". */
export type SlackSubscriptionPreferencesChangedWebhook = ReportingWebhookOf<'slack', 'cio_subscription_preferences_changed'>;
/** The track call "Slack Subscription Preferences Changed", made from the `slack`/`cio_subscription_preferences_changed` webhook. */
export type SlackSubscriptionPreferencesChangedTrack = SegmentTrackFor<'slack', 'cio_subscription_preferences_changed'>;
/** The reporting webhook `webhook`/`drafted`, mapped to "Webhook Drafted". */
export type WebhookDraftedWebhook = ReportingWebhookOf<'webhook', 'drafted'>;
/** The track call "Webhook Drafted", made from the `webhook`/`drafted` webhook. */
export type WebhookDraftedTrack = SegmentTrackFor<'webhook', 'drafted'>;
/** The reporting webhook `webhook`/`attempted`, mapped to "Webhook Attempted". */
export type WebhookAttemptedWebhook = ReportingWebhookOf<'webhook', 'attempted'>;
/** The track call "Webhook Attempted", made from the `webhook`/`attempted` webhook. */
export type WebhookAttemptedTrack = SegmentTrackFor<'webhook', 'attempted'>;
/** The reporting webhook `webhook`/`sent`, mapped to "Webhook Sent". */
export type WebhookSentWebhook = ReportingWebhookOf<'webhook', 'sent'>;
/** The track call "Webhook Sent", made from the `webhook`/`sent` webhook. */
export type WebhookSentTrack = SegmentTrackFor<'webhook', 'sent'>;
/** The reporting webhook `webhook`/`clicked`, mapped to "Webhook Link Clicked". */
export type WebhookLinkClickedWebhook = ReportingWebhookOf<'webhook', 'clicked'>;
/** The track call "Webhook Link Clicked", made from the `webhook`/`clicked` webhook. */
export type WebhookLinkClickedTrack = SegmentTrackFor<'webhook', 'clicked'>;
/** The reporting webhook `webhook`/`converted`, mapped to "Webhook Converted". */
export type WebhookConvertedWebhook = ReportingWebhookOf<'webhook', 'converted'>;
/** The track call "Webhook Converted", made from the `webhook`/`converted` webhook. */
export type WebhookConvertedTrack = SegmentTrackFor<'webhook', 'converted'>;
/** The reporting webhook `webhook`/`failed`, mapped to "Webhook Failed". */
export type WebhookFailedWebhook = ReportingWebhookOf<'webhook', 'failed'>;
/** The track call "Webhook Failed", made from the `webhook`/`failed` webhook. */
export type WebhookFailedTrack = SegmentTrackFor<'webhook', 'failed'>;
/** The reporting webhook `webhook`/`undeliverable`, mapped to "Webhook Undeliverable". */
export type WebhookUndeliverableWebhook = ReportingWebhookOf<'webhook', 'undeliverable'>;
/** The track call "Webhook Undeliverable", made from the `webhook`/`undeliverable` webhook. */
export type WebhookUndeliverableTrack = SegmentTrackFor<'webhook', 'undeliverable'>;
/** The reporting webhook `webhook`/`subscribed`, mapped to "Webhook Subscribed". */
export type WebhookSubscribedWebhook = ReportingWebhookOf<'webhook', 'subscribed'>;
/** The track call "Webhook Subscribed", made from the `webhook`/`subscribed` webhook. */
export type WebhookSubscribedTrack = SegmentTrackFor<'webhook', 'subscribed'>;
/** The reporting webhook `webhook`/`unsubscribed`, mapped to "Webhook Unsubscribed". */
export type WebhookUnsubscribedWebhook = ReportingWebhookOf<'webhook', 'unsubscribed'>;
/** The track call "Webhook Unsubscribed", made from the `webhook`/`unsubscribed` webhook. */
export type WebhookUnsubscribedTrack = SegmentTrackFor<'webhook', 'unsubscribed'>;
/** The reporting webhook `webhook`/`cio_subscription_preferences_changed`, mapped to "Webhook Subscription Preferences Changed". */
export type WebhookSubscriptionPreferencesChangedWebhook = ReportingWebhookOf<'webhook', 'cio_subscription_preferences_changed'>;
/** The track call "Webhook Subscription Preferences Changed", made from the `webhook`/`cio_subscription_preferences_changed` webhook. */
export type WebhookSubscriptionPreferencesChangedTrack = SegmentTrackFor<'webhook', 'cio_subscription_preferences_changed'>;
/** The reporting webhook `customer`/`subscribed`, mapped to "Customer Subscribed". */
export type CustomerSubscribedWebhook = ReportingWebhookOf<'customer', 'subscribed'>;
/** The track call "Customer Subscribed", made from the `customer`/`subscribed` webhook. */
export type CustomerSubscribedTrack = SegmentTrackFor<'customer', 'subscribed'>;
/** The reporting webhook `customer`/`unsubscribed`, mapped to "Customer Unsubscribed". */
export type CustomerUnsubscribedWebhook = ReportingWebhookOf<'customer', 'unsubscribed'>;
/** The track call "Customer Unsubscribed", made from the `customer`/`unsubscribed` webhook. */
export type CustomerUnsubscribedTrack = SegmentTrackFor<'customer', 'unsubscribed'>;
/** The reporting webhook `customer`/`cio_subscription_preferences_changed`, mapped to "Customer Subscription Preferences Changed". */
export type CustomerSubscriptionPreferencesChangedWebhook = ReportingWebhookOf<'customer', 'cio_subscription_preferences_changed'>;
/** The track call "Customer Subscription Preferences Changed", made from the `customer`/`cio_subscription_preferences_changed` webhook. */
export type CustomerSubscriptionPreferencesChangedTrack = SegmentTrackFor<'customer', 'cio_subscription_preferences_changed'>;
