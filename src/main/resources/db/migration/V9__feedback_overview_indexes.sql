-- The overview of feedback (/feedback, GET /api/feedback) lists the newest items first, a page at a time,
-- narrowed by status or stage, expert group, guidance document, organisation and overdue. Each filter's
-- index leads with the filter's column and ends with the order (submitted_at, reference), so that
-- PostgreSQL reads a page in order from the index, without sorting every matching row, and counts the
-- matches from it. The organisation's index of V1 already serves the members' own lists.
-- Runs unchanged on H2 and PostgreSQL.

-- everything, newest first (the kansli's overview as it opens)
create index feedback_overview_idx on feedback (submitted_at, reference);

-- status and stage (a stage is a few statuses); replaces V1's index on the status alone
drop index feedback_status_idx;
create index feedback_overview_status_idx on feedback (status, submitted_at, reference);

create index feedback_overview_group_idx on feedback (expert_group, submitted_at, reference);
create index feedback_overview_guidance_idx on feedback (guidance_id, submitted_at, reference);

-- overdue needs no index of its own: it is always one of two statuses (in review, awaiting clarification),
-- which the status index finds; the due dates are then read on those open items only
