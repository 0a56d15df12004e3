-- Periodic review of published guidance (processes/guidance-periodic-review.bpmn). Runs unchanged on H2 and
-- PostgreSQL. A published version's text never changes; these columns say whether it still holds.

-- months between reviews, per document (config/catalogue.yaml review-period-months); null: the default
alter table guidance_document add column review_period_months integer;

-- the day the version's next periodic review is due (null: none planned, e.g. a revision was opened)
alter table guidance_version add column review_due date;
-- the day the owning group last found the version still valid ("Granskad <datum>")
alter table guidance_version add column last_reviewed_on date;
-- withdrawn versions stay readable; the public page and API say since when and why
alter table guidance_version add column withdrawn_on date;
alter table guidance_version add column withdrawn_reason varchar(4000);

create index guidance_version_review_due_idx on guidance_version (review_due);
