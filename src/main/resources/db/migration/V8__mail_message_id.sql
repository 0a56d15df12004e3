-- A mail's Message-ID is fixed by its first attempt and sent with every later one: a mail sent again after
-- a crash (handed to the server, but the node died before it could note that) is the same message to the
-- receiving side, never a second one. Rows from before this column get theirs at their next attempt.
alter table mail_outbox add column message_id varchar(255);

create unique index mail_outbox_message_id_idx on mail_outbox (message_id);
