-- Alerts and their transitions; the outbox carries every transition to Kafka atomically with the change.
create sequence alert_seq start with 1 increment by 50;

create table alert (
    id                 bigint primary key,
    alert_type         varchar(40)  not null,
    computer_id        bigint,
    host_name          varchar(255),
    state              varchar(16)  not null,
    raised_at          timestamptz  not null,
    last_occurrence_at timestamptz  not null,
    occurrences        integer      not null,
    -- agent-offline: receive time (ms) of the last heartbeat before the silence; clock-change: first occurrence (ms)
    episode            bigint       not null,
    ended_at           timestamptz,
    details            text         not null,
    version            integer      not null default 0
);

-- At most one active alert per computer and type; at most one alert per silence: no alert is raised twice.
create unique index alert_one_active on alert (coalesce(computer_id, -1), alert_type) where state = 'active';
create unique index alert_one_per_episode on alert (coalesce(computer_id, -1), alert_type, episode);
create index alert_by_computer on alert (computer_id, id);
create index alert_by_state on alert (state, id);

create table outbox (
    id         bigserial primary key,
    topic      varchar(255) not null,
    record_key varchar(255) not null,
    event_id   varchar(64)  not null,
    payload    text         not null,
    created_at timestamptz  not null default now()
);

-- platform-outage aggregation across instances: each instance reports its share of the fleet every second.
create table outage_member (
    instance_id  varchar(64) primary key,
    tracked      bigint      not null,
    silent       bigint      not null,
    recent_miss  bigint      not null,
    reported_at  timestamptz not null
);
