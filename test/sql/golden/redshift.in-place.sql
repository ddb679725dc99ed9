CREATE TABLE IF NOT EXISTS "customerio"."v1_action_names" ("id" VARCHAR(512), "name" VARCHAR(512));

INSERT INTO "customerio"."v1_action_names" ("id", "name")
SELECT DISTINCT "n"."id", "n"."name" FROM (
  SELECT CAST("action_id" AS VARCHAR(512)) AS "id", CAST("action_name" AS VARCHAR(512)) AS "name" FROM "customerio"."email_opened" WHERE "context_integration_version" = '1.0.0' AND "action_id" IS NOT NULL AND "action_name" IS NOT NULL
) AS "n"
WHERE NOT EXISTS (SELECT 1 FROM "customerio"."v1_action_names" AS "l" WHERE "l"."id" = "n"."id" AND "l"."name" = "n"."name");

CREATE TABLE IF NOT EXISTS "customerio"."v1_campaign_names" ("id" VARCHAR(512), "name" VARCHAR(512));

INSERT INTO "customerio"."v1_campaign_names" ("id", "name")
SELECT DISTINCT "n"."id", "n"."name" FROM (
  SELECT CAST("campaign_id" AS VARCHAR(512)) AS "id", CAST("campaign_name" AS VARCHAR(512)) AS "name" FROM "customerio"."email_opened" WHERE "context_integration_version" = '1.0.0' AND "campaign_id" IS NOT NULL AND "campaign_name" IS NOT NULL
  UNION ALL
  SELECT CAST("campaign_id" AS VARCHAR(512)) AS "id", CAST("campaign_name" AS VARCHAR(512)) AS "name" FROM "customerio"."email_delivered" WHERE "context_integration_version" = '1.0.0' AND "campaign_id" IS NOT NULL AND "campaign_name" IS NOT NULL
) AS "n"
WHERE NOT EXISTS (SELECT 1 FROM "customerio"."v1_campaign_names" AS "l" WHERE "l"."id" = "n"."id" AND "l"."name" = "n"."name");

CREATE TABLE IF NOT EXISTS "customerio"."v1_newsletter_names" ("id" VARCHAR(512), "name" VARCHAR(512));

INSERT INTO "customerio"."v1_newsletter_names" ("id", "name")
SELECT DISTINCT "n"."id", "n"."name" FROM (
  SELECT CAST("newsletter_id" AS VARCHAR(512)) AS "id", CAST("newsletter_name" AS VARCHAR(512)) AS "name" FROM "customerio"."email_opened" WHERE "context_integration_version" = '1.0.0' AND "newsletter_id" IS NOT NULL AND "newsletter_name" IS NOT NULL
) AS "n"
WHERE NOT EXISTS (SELECT 1 FROM "customerio"."v1_newsletter_names" AS "l" WHERE "l"."id" = "n"."id" AND "l"."name" = "n"."name");

CREATE TABLE IF NOT EXISTS "customerio"."v1_transactional_message_names" ("id" VARCHAR(512), "name" VARCHAR(512));

INSERT INTO "customerio"."v1_transactional_message_names" ("id", "name")
SELECT DISTINCT "n"."id", "n"."name" FROM (
  SELECT CAST("transactional_message_id" AS VARCHAR(512)) AS "id", CAST("transactional_message_name" AS VARCHAR(512)) AS "name" FROM "customerio"."email_opened" WHERE "context_integration_version" = '1.0.0' AND "transactional_message_id" IS NOT NULL AND "transactional_message_name" IS NOT NULL
) AS "n"
WHERE NOT EXISTS (SELECT 1 FROM "customerio"."v1_transactional_message_names" AS "l" WHERE "l"."id" = "n"."id" AND "l"."name" = "n"."name");

UPDATE "customerio"."email_opened"
SET
  "delivery_id" = COALESCE("delivery_id", "email_id"),
  "email_id" = CASE WHEN "delivery_id" IS NOT NULL AND "email_id" <> "delivery_id" THEN "email_id" END,
  "subject" = COALESCE("subject", "email_subject"),
  "email_subject" = CASE WHEN "subject" IS NOT NULL AND "email_subject" <> "subject" THEN "email_subject" END,
  "action_name" = CASE WHEN "action_id" IS NULL THEN "action_name" END,
  "campaign_name" = CASE WHEN "campaign_id" IS NULL THEN "campaign_name" END,
  "newsletter_name" = CASE WHEN "newsletter_id" IS NULL THEN "newsletter_name" END,
  "transactional_message_name" = CASE WHEN "transactional_message_id" IS NULL THEN "transactional_message_name" END,
  "context_integration_version" = '2.0.0'
WHERE "context_integration_version" = '1.0.0';

ALTER TABLE "customerio"."email_delivered" ADD COLUMN "delivery_id" VARCHAR(512);

ALTER TABLE "customerio"."email_delivered" ADD COLUMN "subject" VARCHAR(512);

UPDATE "customerio"."email_delivered"
SET
  "delivery_id" = COALESCE("delivery_id", "email_id"),
  "email_id" = CASE WHEN "delivery_id" IS NOT NULL AND "email_id" <> "delivery_id" THEN "email_id" END,
  "subject" = COALESCE("subject", "email_subject"),
  "email_subject" = CASE WHEN "subject" IS NOT NULL AND "email_subject" <> "subject" THEN "email_subject" END,
  "campaign_name" = CASE WHEN "campaign_id" IS NULL THEN "campaign_name" END,
  "context_integration_version" = '2.0.0'
WHERE "context_integration_version" = '1.0.0';

UPDATE "customerio"."tracks"
SET
  "context_integration_version" = '2.0.0'
WHERE "context_integration_version" = '1.0.0';
