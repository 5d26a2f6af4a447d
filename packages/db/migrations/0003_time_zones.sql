ALTER TABLE "tasks" ADD COLUMN "all_day" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
-- Before this migration a date typed without a time was stored as midnight UTC; those were days, not instants.
UPDATE "tasks" SET "all_day" = true WHERE "due_at" IS NOT NULL AND ("due_at" AT TIME ZONE 'UTC')::time = '00:00:00';
