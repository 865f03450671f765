CREATE TABLE "report_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" "report_status" NOT NULL,
	"to_status" "report_status" NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"explanations" jsonb,
	"lock_version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_transitions" ADD CONSTRAINT "report_transitions_report_id_unit_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transitions" ADD CONSTRAINT "report_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_transitions_report_idx" ON "report_transitions" USING btree ("report_id","at");