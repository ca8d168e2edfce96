package org.charscope.ui.explorer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A cache that holds values up to a budget of bytes and, to make room, drops the value used least
 * recently first (a {@link LinkedHashMap} in access order: the eldest entry is the one looked at
 * longest ago). A value larger than the whole budget is not kept. Safe to use from several threads.
 *
 * @param <K> what a value is found by
 * @param <V> the value
 */
final class ByteBudgetCache<K, V> {

    /** A value with its size, measured once when it was put. */
    private record Sized<V>(V value, long bytes) {
    }

    private final long budgetBytes;
    private final ToLongFunction<V> sizeOf;
    private final LinkedHashMap<K, Sized<V>> values = new LinkedHashMap<>(16, 0.75f, true);
    private long heldBytes;

    /** @param sizeOf a value's size in bytes */
    ByteBudgetCache(long budgetBytes, ToLongFunction<V> sizeOf) {
        this.budgetBytes = budgetBytes;
        this.sizeOf = sizeOf;
    }

    long budgetBytes() {
        return budgetBytes;
    }

    /** The value kept for {@code key}, now the most recently used; null if none. */
    synchronized V get(K key) {
        Sized<V> found = values.get(key);
        return found == null ? null : found.value();
    }

    /** Keeps {@code value} (replacing what {@code key} had), dropping the least recently used values until all fit. */
    synchronized void put(K key, V value) {
        removeIf(key::equals);
        long bytes = sizeOf.applyAsLong(value);
        if (bytes > budgetBytes) {
            return;
        }
        values.put(key, new Sized<>(value, bytes));
        heldBytes += bytes;
        Iterator<Sized<V>> eldestFirst = values.values().iterator();
        while (heldBytes > budgetBytes) {
            heldBytes -= eldestFirst.next().bytes();
            eldestFirst.remove();
        }
    }

    /** Drops every value whose key {@code test} accepts. */
    synchronized void removeIf(Predicate<K> test) {
        values.entrySet().removeIf(entry -> {
            if (test.test(entry.getKey())) {
                heldBytes -= entry.getValue().bytes();
                return true;
            }
            return false;
        });
    }

    synchronized long heldBytes() {
        return heldBytes;
    }

    /** The keys from the least to the most recently used. */
    synchronized List<K> keys() {
        return List.copyOf(values.keySet());
    }
}
