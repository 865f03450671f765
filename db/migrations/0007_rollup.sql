CREATE TYPE "public"."region_report_status" AS ENUM('draft', 'published', 'correcting');--> statement-breakpoint
CREATE TABLE "region_narratives" (
	"region_report_id" integer NOT NULL,
	"section" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "region_narratives_region_report_id_section_pk" PRIMARY KEY("region_report_id","section"),
	CONSTRAINT "region_narratives_section" CHECK ("region_narratives"."section" in ('preamble', 's1', 's5', 's6'))
);
--> statement-breakpoint
CREATE TABLE "region_report_cells" (
	"region_report_id" integer NOT NULL,
	"cell" text NOT NULL,
	"value" numeric,
	CONSTRAINT "region_report_cells_region_report_id_cell_pk" PRIMARY KEY("region_report_id","cell")
);
--> statement-breakpoint
CREATE TABLE "region_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"status" "region_report_status" DEFAULT 'draft' NOT NULL,
	"lock_version" integer DEFAULT 0 NOT NULL,
	"rollup_version" integer DEFAULT 0 NOT NULL,
	"rolled_up_at" timestamp with time zone,
	"rolled_up_by" integer,
	"included" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "rollup_exclusions" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"region_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"reason" text NOT NULL,
	"excluded_by" integer,
	"excluded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollup_exclusions_reason" CHECK (length(trim("rollup_exclusions"."reason")) >= 2)
);
--> statement-breakpoint
ALTER TABLE "region_narratives" ADD CONSTRAINT "region_narratives_region_report_id_region_reports_id_fk" FOREIGN KEY ("region_report_id") REFERENCES "public"."region_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_narratives" ADD CONSTRAINT "region_narratives_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_report_cells" ADD CONSTRAINT "region_report_cells_region_report_id_region_reports_id_fk" FOREIGN KEY ("region_report_id") REFERENCES "public"."region_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_reports" ADD CONSTRAINT "region_reports_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_reports" ADD CONSTRAINT "region_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_reports" ADD CONSTRAINT "region_reports_rolled_up_by_users_id_fk" FOREIGN KEY ("rolled_up_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_reports" ADD CONSTRAINT "region_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_exclusions" ADD CONSTRAINT "rollup_exclusions_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_exclusions" ADD CONSTRAINT "rollup_exclusions_region_id_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_exclusions" ADD CONSTRAINT "rollup_exclusions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_exclusions" ADD CONSTRAINT "rollup_exclusions_excluded_by_users_id_fk" FOREIGN KEY ("excluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "region_reports_year_unit_key" ON "region_reports" USING btree ("year","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rollup_exclusions_key" ON "rollup_exclusions" USING btree ("year","region_id","unit_id");