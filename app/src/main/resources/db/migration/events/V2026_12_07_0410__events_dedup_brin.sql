-- De-duplication keys arrive in time order and are only ever pruned by age: a block-range index finds the old
-- ones as well as a b-tree did, and costs the log writer next to nothing per event it records.
DROP INDEX events.dedup_received_idx;
CREATE INDEX dedup_received_brin ON events.dedup USING brin (received_at);
