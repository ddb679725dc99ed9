CREATE TABLE IF NOT EXISTS `customerio.v1_action_names` (`id` STRING, `name` STRING);

INSERT INTO `customerio.v1_action_names` (`id`, `name`)
SELECT DISTINCT `n`.`id`, `n`.`name` FROM (
  SELECT CAST(`action_id` AS STRING) AS `id`, CAST(`action_name` AS STRING) AS `name` FROM `customerio.email_opened` WHERE `context_integration_version` = '1.0.0' AND `action_id` IS NOT NULL AND `action_name` IS NOT NULL
) AS `n`
WHERE NOT EXISTS (SELECT 1 FROM `customerio.v1_action_names` AS `l` WHERE `l`.`id` = `n`.`id` AND `l`.`name` = `n`.`name`);

CREATE TABLE IF NOT EXISTS `customerio.v1_campaign_names` (`id` STRING, `name` STRING);

INSERT INTO `customerio.v1_campaign_names` (`id`, `name`)
SELECT DISTINCT `n`.`id`, `n`.`name` FROM (
  SELECT CAST(`campaign_id` AS STRING) AS `id`, CAST(`campaign_name` AS STRING) AS `name` FROM `customerio.email_opened` WHERE `context_integration_version` = '1.0.0' AND `campaign_id` IS NOT NULL AND `campaign_name` IS NOT NULL
  UNION ALL
  SELECT CAST(`campaign_id` AS STRING) AS `id`, CAST(`campaign_name` AS STRING) AS `name` FROM `customerio.email_delivered` WHERE `context_integration_version` = '1.0.0' AND `campaign_id` IS NOT NULL AND `campaign_name` IS NOT NULL
) AS `n`
WHERE NOT EXISTS (SELECT 1 FROM `customerio.v1_campaign_names` AS `l` WHERE `l`.`id` = `n`.`id` AND `l`.`name` = `n`.`name`);

CREATE TABLE IF NOT EXISTS `customerio.v1_newsletter_names` (`id` STRING, `name` STRING);

INSERT INTO `customerio.v1_newsletter_names` (`id`, `name`)
SELECT DISTINCT `n`.`id`, `n`.`name` FROM (
  SELECT CAST(`newsletter_id` AS STRING) AS `id`, CAST(`newsletter_name` AS STRING) AS `name` FROM `customerio.email_opened` WHERE `context_integration_version` = '1.0.0' AND `newsletter_id` IS NOT NULL AND `newsletter_name` IS NOT NULL
) AS `n`
WHERE NOT EXISTS (SELECT 1 FROM `customerio.v1_newsletter_names` AS `l` WHERE `l`.`id` = `n`.`id` AND `l`.`name` = `n`.`name`);

CREATE TABLE IF NOT EXISTS `customerio.v1_transactional_message_names` (`id` STRING, `name` STRING);

INSERT INTO `customerio.v1_transactional_message_names` (`id`, `name`)
SELECT DISTINCT `n`.`id`, `n`.`name` FROM (
  SELECT CAST(`transactional_message_id` AS STRING) AS `id`, CAST(`transactional_message_name` AS STRING) AS `name` FROM `customerio.email_opened` WHERE `context_integration_version` = '1.0.0' AND `transactional_message_id` IS NOT NULL AND `transactional_message_name` IS NOT NULL
) AS `n`
WHERE NOT EXISTS (SELECT 1 FROM `customerio.v1_transactional_message_names` AS `l` WHERE `l`.`id` = `n`.`id` AND `l`.`name` = `n`.`name`);

CREATE OR REPLACE VIEW `customerio.email_opened_v2` AS
SELECT
  `id`,
  `received_at`,
  `user_id`,
  CASE WHEN `context_integration_version` = '1.0.0' THEN '2.0.0' ELSE `context_integration_version` END AS `context_integration_version`,
  CASE WHEN `context_integration_version` = '1.0.0' THEN COALESCE(`delivery_id`, `email_id`) ELSE `delivery_id` END AS `delivery_id`,
  CASE WHEN `context_integration_version` = '1.0.0' AND NOT (`delivery_id` IS NOT NULL AND `email_id` <> `delivery_id`) THEN NULL ELSE `email_id` END AS `email_id`,
  CASE WHEN `context_integration_version` = '1.0.0' THEN COALESCE(`subject`, `email_subject`) ELSE `subject` END AS `subject`,
  CASE WHEN `context_integration_version` = '1.0.0' AND NOT (`subject` IS NOT NULL AND `email_subject` <> `subject`) THEN NULL ELSE `email_subject` END AS `email_subject`,
  `action_id`,
  CASE WHEN `context_integration_version` = '1.0.0' AND `action_id` IS NOT NULL THEN NULL ELSE `action_name` END AS `action_name`,
  `campaign_id`,
  CASE WHEN `context_integration_version` = '1.0.0' AND `campaign_id` IS NOT NULL THEN NULL ELSE `campaign_name` END AS `campaign_name`,
  `newsletter_id`,
  CASE WHEN `context_integration_version` = '1.0.0' AND `newsletter_id` IS NOT NULL THEN NULL ELSE `newsletter_name` END AS `newsletter_name`,
  `transactional_message_id`,
  CASE WHEN `context_integration_version` = '1.0.0' AND `transactional_message_id` IS NOT NULL THEN NULL ELSE `transactional_message_name` END AS `transactional_message_name`,
  `recipient`
FROM `customerio.email_opened`;

CREATE OR REPLACE VIEW `customerio.email_delivered_v2` AS
SELECT
  `id`,
  CASE WHEN `context_integration_version` = '1.0.0' THEN '2.0.0' ELSE `context_integration_version` END AS `context_integration_version`,
  CASE WHEN `context_integration_version` = '1.0.0' THEN `email_id` END AS `delivery_id`,
  CASE WHEN `context_integration_version` = '1.0.0' AND NOT (FALSE) THEN NULL ELSE `email_id` END AS `email_id`,
  CASE WHEN `context_integration_version` = '1.0.0' THEN `email_subject` END AS `subject`,
  CASE WHEN `context_integration_version` = '1.0.0' AND NOT (FALSE) THEN NULL ELSE `email_subject` END AS `email_subject`,
  `campaign_id`,
  CASE WHEN `context_integration_version` = '1.0.0' AND `campaign_id` IS NOT NULL THEN NULL ELSE `campaign_name` END AS `campaign_name`
FROM `customerio.email_delivered`;

CREATE OR REPLACE VIEW `customerio.tracks_v2` AS
SELECT
  `id`,
  `event`,
  `event_text`,
  CASE WHEN `context_integration_version` = '1.0.0' THEN '2.0.0' ELSE `context_integration_version` END AS `context_integration_version`
FROM `customerio.tracks`;
