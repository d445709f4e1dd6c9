package io.throughline.events.internal;

import io.throughline.events.IdentityResolution;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What keeps many nodes' log writers as correct as one. Each batch's transaction first takes one PostgreSQL advisory
 * lock, held to its commit: batches commit one at a time across the cluster, so positions still rise in commit order
 * (what processors read by), and identity resolution never runs twice at once, so two nodes cannot create two
 * profiles for one person nor make one merge twice. The identity epoch tells a node when another one has moved
 * identifiers between profiles, so that it forgets the identities it remembers before resolving with them.
 */
@Component
@OnClusterMode
class ClusterCoordination {

    /** The log writer's advisory lock key: "TLLOG" in ASCII, unlikely to meet another application's. */
    static final long LOG_WRITER_LOCK = 0x544C4C4F47L;

    private final JdbcClient jdbc;
    private volatile long seenEpoch = -1;

    ClusterCoordination(JdbcClient jdbc, Environment environment) {
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            throw new IllegalStateException("Cluster mode (throughline.kafka.bootstrap-servers) needs one external "
                    + "PostgreSQL that every node shares: set spring.datasource.url");
        }
        this.jdbc = jdbc;
    }

    /** At the start of a batch's transaction: waits for the cluster's other writers, then checks the epoch. */
    void enterBatch(IdentityResolution identities) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOG_WRITER_LOCK).query().singleRow();
        long epoch = jdbc.sql("SELECT epoch FROM events.identity_epoch").query(Long.class).single();
        if (epoch != seenEpoch) {
            identities.forgetRemembered();
            seenEpoch = epoch;
        }
    }

    /** In the transaction that moved identifiers between profiles: tells the other nodes. */
    void identitiesMoved() {
        long before = seenEpoch;
        long now = jdbc.sql("UPDATE events.identity_epoch SET epoch = epoch + 1 RETURNING epoch")
                .query(Long.class).single();
        // Only this node's own move leaves what it remembers true; when someone else's came between, forget next time.
        seenEpoch = now == before + 1 ? now : -1;
    }
}
