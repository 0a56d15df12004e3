-- What the manager reports need, kept up to date as feedback moves (FeedbackRepository), so that the
-- reports are plain aggregates even over millions of items: months in Swedish time, lead times and the
-- time spent in each stage, in seconds.
alter table feedback add column status_since timestamp with time zone;
alter table feedback add column clarification_due timestamp with time zone;
alter table feedback add column answered_at timestamp with time zone;
alter table feedback add column outcome varchar(20);
alter table feedback add column submitted_month char(7);
alter table feedback add column decided_month char(7);
alter table feedback add column answered_month char(7);
alter table feedback add column review_due_month char(7);
alter table feedback add column decision_seconds bigint;
alter table feedback add column publication_seconds bigint;
alter table feedback add column triage_seconds bigint default 0 not null;
alter table feedback add column clarification_seconds bigint default 0 not null;
alter table feedback add column review_seconds bigint default 0 not null;
alter table feedback add column revision_seconds bigint default 0 not null;

update feedback set status_since = coalesce(decided_at, submitted_at), submitted_month = to_char(submitted_at, 'YYYY-MM'),
       decided_month = to_char(decided_at, 'YYYY-MM'), review_due_month = to_char(review_due, 'YYYY-MM');

create index feedback_submitted_month_idx on feedback (submitted_month);
create index feedback_decided_month_idx on feedback (decided_month);
create index feedback_answered_month_idx on feedback (answered_month);
create index feedback_review_due_month_idx on feedback (review_due_month);
create index revision_published_at_idx on revision (published_at);
