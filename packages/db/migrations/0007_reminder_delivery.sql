ALTER TABLE "tasks" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "reminder_delivered_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tasks_reminder_pending_idx" ON "tasks" USING btree ("remind_at") WHERE "tasks"."remind_at" is not null and "tasks"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_reminder_undelivered_idx" ON "tasks" USING btree ("user_id") WHERE "tasks"."reminded_at" is not null and "tasks"."reminder_delivered_at" is null;--> statement-breakpoint
-- Added by hand (drizzle-kit has no triggers). Live updates, GET /api/events: every change to a task,
-- whichever path made it (REST, chat, MCP, bulk, another replica, a manual fix), is announced on the
-- channel taskflow_events as {"type", "user_id", "id"}; every api replica LISTENs and passes it to that
-- user's open streams. A reminder's claim (reminded_at set) is announced as reminder.due, for an open
-- task only. Bookkeeping of reminders alone (reminded_at, reminder_delivered_at) is no task change.
-- Restoring from the trash is task.created (the task appears again); changes inside the trash and
-- emptying it say nothing (no list shows those tasks). See docs/events.md.
CREATE FUNCTION "taskflow_task_events"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text;
  task record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    task := NEW;
    IF NEW.deleted_at IS NOT NULL THEN RETURN NULL; END IF;
    kind := 'task.created';
  ELSIF TG_OP = 'DELETE' THEN
    task := OLD;
    IF OLD.deleted_at IS NOT NULL THEN RETURN NULL; END IF;
    kind := 'task.deleted';
  ELSE
    task := NEW;
    IF NEW.reminded_at IS NOT NULL AND NEW.reminded_at IS DISTINCT FROM OLD.reminded_at
       AND NOT NEW.completed AND NEW.deleted_at IS NULL THEN
      PERFORM pg_notify('taskflow_events', json_build_object(
        'type', 'reminder.due', 'user_id', NEW.user_id, 'id', NEW.id,
        'reminder', (extract(epoch FROM NEW.reminded_at) * 1000000)::bigint)::text);
    END IF;
    IF to_jsonb(NEW) - 'reminded_at' - 'reminder_delivered_at'
       = to_jsonb(OLD) - 'reminded_at' - 'reminder_delivered_at' THEN RETURN NULL; END IF;
    IF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN kind := 'task.deleted';
    ELSIF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN kind := 'task.created';
    ELSIF NEW.deleted_at IS NOT NULL THEN RETURN NULL;
    ELSE kind := 'task.updated';
    END IF;
  END IF;
  PERFORM pg_notify('taskflow_events',
    json_build_object('type', kind, 'user_id', task.user_id, 'id', task.id)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "tasks_events" AFTER INSERT OR UPDATE OR DELETE ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "taskflow_task_events"();
--> statement-breakpoint
-- A new remind_at is a new reminder: forget the previous one's claim and delivery, so it fires again.
CREATE FUNCTION "taskflow_reminder_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.remind_at IS DISTINCT FROM OLD.remind_at THEN
    NEW.reminded_at := NULL;
    NEW.reminder_delivered_at := NULL;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "tasks_reminder_reset" BEFORE UPDATE OF "remind_at" ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "taskflow_reminder_reset"();
