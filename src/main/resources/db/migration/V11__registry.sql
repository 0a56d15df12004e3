-- The register (diarium) of incoming documents: feedback, clarification answers, consultation responses.
-- Runs unchanged on H2 and PostgreSQL.

-- 'feed' numbers every entry (the feed cursor); one row per year numbers that year's registrations.
-- Every registration locks 'feed' first, in the transaction that stores the document, so registrations
-- commit in the order of their numbers: a rollback gives its numbers back and a reader never sees a
-- later number before an earlier one.
create table registry_counter (
    counter_key varchar(20) primary key,
    last_value  bigint      not null
);

insert into registry_counter (counter_key, last_value) values ('feed', 0);

create table register_entry (
    entry_id            bigint         primary key,
    registration_number varchar(100)   not null unique,
    registration_year   integer        not null,
    sequence_number     integer        not null,
    kind                varchar(40)    not null,
    case_reference      varchar(40)    not null,
    guidance_id         varchar(100),
    received_at         timestamp with time zone not null,
    sender_organisation varchar(100),
    sender_name         varchar(300)   not null,
    case_title          varchar(500)   not null,
    secrecy_marking     varchar(100),
    unique (registration_year, sequence_number)
);

create index register_entry_received_idx on register_entry (received_at);
create index register_entry_case_idx on register_entry (case_reference, kind);
