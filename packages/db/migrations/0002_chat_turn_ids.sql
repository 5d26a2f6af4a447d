ALTER TABLE "messages" ADD COLUMN "client_turn_id" varchar(100);--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "failure" varchar(40);--> statement-breakpoint
CREATE UNIQUE INDEX "messages_conversation_id_client_turn_id_role_idx" ON "messages" USING btree ("conversation_id","client_turn_id","role");--> statement-breakpoint
CREATE INDEX "messages_client_turn_id_idx" ON "messages" USING btree ("client_turn_id");