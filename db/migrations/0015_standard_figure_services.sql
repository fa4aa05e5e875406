-- 0015_standard_figure_services: the queue figures per service as well as per centre (issue 19). Every other
-- source keeps service_key ''. The key joins the primary key of both aggregate tables.
ALTER TABLE "standard_figure_days" ADD COLUMN "service_key" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "standard_figure_days" DROP CONSTRAINT "standard_figure_days_pkey";
--> statement-breakpoint
ALTER TABLE "standard_figure_days" ADD CONSTRAINT "standard_figure_days_pkey" PRIMARY KEY("agency","day","metric","centre_key","channel_key","service_key","bucket");
--> statement-breakpoint
ALTER TABLE "standard_figure_months" ADD COLUMN "service_key" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "standard_figure_months" DROP CONSTRAINT "standard_figure_months_pkey";
--> statement-breakpoint
ALTER TABLE "standard_figure_months" ADD CONSTRAINT "standard_figure_months_pkey" PRIMARY KEY("agency","month","metric","centre_key","channel_key","service_key","bucket");
