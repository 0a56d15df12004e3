-- The publishing review ("publiceringsprövning", OSL 6 kap. 4 §): what the kansli decided about making a
-- feedback item's text public, and the only text any public surface may show of it. An item without a row
-- here has not been reviewed and publishes nothing of its text.
--   decision: AS_IS (the text holds nothing to mask), MASKED (personal data replaced with markers), NOT_PUBLISHED
--   public_text: the text public surfaces show; null when NOT_PUBLISHED
--   ground: why it is not published (e.g. a secrecy provision), free text; required for NOT_PUBLISHED
create table feedback_publication (
    reference    varchar(20)    primary key references feedback (reference),
    decision     varchar(20)    not null,
    public_text  varchar(20000),
    ground       varchar(4000),
    reviewed_by  varchar(100)   not null,
    reviewed_at  timestamp with time zone not null
);
