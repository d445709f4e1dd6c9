package io.throughline.inventory.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keys known to exist that can never stop existing (catalogue SKUs and stock locations are never deleted), so
 * that every reservation need not ask the database again. A key is remembered only once the transaction that
 * found it has committed: a row it created itself and then rolled back was never there.
 */
final class Permanent<K> {

    private final Cache<K, Boolean> known = Caffeine.newBuilder().maximumSize(100_000).build();

    boolean contains(K key) {
        return known.getIfPresent(key) != null;
    }

    void remember(K key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    known.put(key, Boolean.TRUE);
                }
            });
        } else {
            known.put(key, Boolean.TRUE);
        }
    }
}
