-- Monthly figures kept beside the feedback table, so that a report over five years adds up a few thousand
-- narrow rows instead of reading a million items (issue 16; docs/benchmark-reports.md). Kept current by the
-- reporting module in the transaction that changes an item (FeedbackFiguresChanged): an item's old
-- contribution is taken away and its new one added, so the figures always equal a count of the table.
-- Empty strings stand for "none" (an item without an expert group, or without an outcome yet), '*' for
-- "any": group, document and organisation ids are letters, digits and hyphens and never '*'.
-- Runs unchanged on H2 and PostgreSQL; ReportDataGenerator runs the two inserts again after it loads.

-- How many items were submitted, decided and answered per month and per combination of what the reports
-- group or filter by. measure: SUBMITTED (submitted_month), DECIDED (decided_month), ANSWERED (answered_month),
-- and the reviews of decided items by the month they were due (review_due_month): REVIEWED, and of those
-- REVIEWED_LATE when due before the decision. Reviews not decided yet are late or not by the clock: the
-- deadlines report counts them from the feedback table (feedback_undecided_review_idx below).
create table report_count (
    measure        varchar(20)  not null,
    report_month   char(7)      not null,
    expert_group   varchar(100) not null,
    guidance_id    varchar(100) not null,
    submitter_organisation varchar(100) not null,
    feedback_type  varchar(40)  not null,
    outcome        varchar(20)  not null,
    items          bigint       not null,
    primary key (measure, report_month, expert_group, guidance_id, submitter_organisation, feedback_type, outcome)
);

-- Histograms of the lead times: how many items took about tenth_days tenths of a day, per month and for
-- every combination of the filters, a dimension either one value or '*' for any (eight rows per item and
-- measure), so that a report reads only the rows of its own filter. A time is rounded to the nearest tenth
-- of a day below 10 days (the reports' own rounding), to the nearest day below 100 days and to the nearest
-- ten days beyond: a figure is within 0.05, 0.5 or 5 days of the exact one, and exact for whole days. measure: DECISION and the stages TRIAGE, CLARIFICATION, REVIEW (decided_month),
-- PUBLICATION and the stage REVISION (answered_month); a stage counts items that spent time in it.
create table report_histogram (
    measure        varchar(20)  not null,
    guidance_id    varchar(100) not null,
    submitter_organisation varchar(100) not null,
    expert_group   varchar(100) not null,
    report_month   char(7)      not null,
    tenth_days     integer      not null,
    items          bigint       not null,
    primary key (measure, guidance_id, submitter_organisation, expert_group, report_month, tenth_days)
);

insert into report_count (measure, report_month, expert_group, guidance_id, submitter_organisation, feedback_type, outcome,
                          items)
select measure, report_month, expert_group, guidance_id, organisation, feedback_type, outcome, count(*)
  from (select 'SUBMITTED' as measure, submitted_month as report_month, coalesce(expert_group, '') as expert_group,
               guidance_id, submitter_organisation as organisation, feedback_type, coalesce(outcome, '') as outcome
          from feedback where submitted_month is not null
        union all
        select 'DECIDED', decided_month, coalesce(expert_group, ''), guidance_id, submitter_organisation,
               feedback_type, coalesce(outcome, '')
          from feedback where decided_month is not null
        union all
        select 'ANSWERED', answered_month, coalesce(expert_group, ''), guidance_id, submitter_organisation,
               feedback_type, coalesce(outcome, '')
          from feedback where answered_month is not null
        union all
        select 'REVIEWED', review_due_month, coalesce(expert_group, ''), guidance_id, submitter_organisation,
               feedback_type, coalesce(outcome, '')
          from feedback where review_due_month is not null and decided_at is not null and review_due is not null
        union all
        select 'REVIEWED_LATE', review_due_month, coalesce(expert_group, ''), guidance_id, submitter_organisation,
               feedback_type, coalesce(outcome, '')
          from feedback where review_due_month is not null and decided_at is not null and review_due < decided_at) facts
 group by measure, report_month, expert_group, guidance_id, organisation, feedback_type, outcome;

insert into report_histogram (measure, guidance_id, submitter_organisation, expert_group, report_month, tenth_days, items)
select measure,
       case when by_guidance = 1 then guidance_id else '*' end,
       case when by_organisation = 1 then organisation else '*' end,
       case when by_group = 1 then expert_group else '*' end,
       report_month, tenth_days, sum(items)
  from (select measure, report_month, expert_group, guidance_id, organisation, tenth_days, count(*) as items
          from (select measure, report_month, expert_group, guidance_id, organisation,
                       case when tenths >= 1000 then (tenths + 50) / 100 * 100
                            when tenths >= 100 then (tenths + 5) / 10 * 10
                            else tenths end as tenth_days
          from (select 'DECISION' as measure, decided_month as report_month, coalesce(expert_group, '') as expert_group,
                       guidance_id, submitter_organisation as organisation,
                       (decision_seconds + 4320) / 8640 as tenths
                  from feedback where decided_month is not null and decision_seconds is not null
                union all
                select 'TRIAGE', decided_month, coalesce(expert_group, ''), guidance_id, submitter_organisation,
                       (triage_seconds + 4320) / 8640
                  from feedback where decided_month is not null and triage_seconds > 0
                union all
                select 'CLARIFICATION', decided_month, coalesce(expert_group, ''), guidance_id,
                       submitter_organisation, (clarification_seconds + 4320) / 8640
                  from feedback where decided_month is not null and clarification_seconds > 0
                union all
                select 'REVIEW', decided_month, coalesce(expert_group, ''), guidance_id, submitter_organisation,
                       (review_seconds + 4320) / 8640
                  from feedback where decided_month is not null and review_seconds > 0
                union all
                select 'PUBLICATION', answered_month, coalesce(expert_group, ''), guidance_id,
                       submitter_organisation, (publication_seconds + 4320) / 8640
                  from feedback where answered_month is not null and publication_seconds is not null
                union all
                select 'REVISION', answered_month, coalesce(expert_group, ''), guidance_id, submitter_organisation,
                       (revision_seconds + 4320) / 8640
                  from feedback where answered_month is not null and revision_seconds > 0) facts) rounded
         group by measure, report_month, expert_group, guidance_id, organisation, tenth_days) finest
 cross join (select 0 as by_group, 0 as by_guidance, 0 as by_organisation
             union all select 1, 0, 0 union all select 0, 1, 0 union all select 0, 0, 1
             union all select 1, 1, 0 union all select 1, 0, 1 union all select 0, 1, 1
             union all select 1, 1, 1) levels
 group by measure,
          case when by_guidance = 1 then guidance_id else '*' end,
          case when by_organisation = 1 then organisation else '*' end,
          case when by_group = 1 then expert_group else '*' end,
          report_month, tenth_days;

-- The reviews not decided yet, for the deadlines report: the undecided items first (decided_at is null),
-- then what the report reads, so that it reads them from the index alone.
create index feedback_undecided_review_idx on feedback
    (decided_at, review_due_month, expert_group, guidance_id, submitter_organisation, review_due);
