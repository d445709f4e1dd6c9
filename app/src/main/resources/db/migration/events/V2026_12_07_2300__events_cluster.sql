-- Cluster mode: how far each node group has copied the Kafka ingest topic into the log, per partition. Written in
-- the transaction that appends the partition's events, so a rebalance or a crash neither skips nor repeats any.
CREATE TABLE events.kafka_offset
(
    consumer_group TEXT    NOT NULL,
    topic          TEXT    NOT NULL,
    partition      INTEGER NOT NULL,
    next_offset    BIGINT  NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition)
);

-- Cluster mode: a counter moved by every change that takes identifiers from one profile to another (merges made by
-- identity resolution, unmerges). A node that finds it moved by someone else forgets the identities it remembers.
CREATE TABLE events.identity_epoch
(
    id    BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
    epoch BIGINT  NOT NULL
);
INSERT INTO events.identity_epoch (id, epoch) VALUES (true, 0);
