package io.rtmp4j.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a publish or a play must carry in its URL's query string to be allowed by {@link AccessRules}:
 * nothing ({@link Open}), one of a list of stream keys ({@link Keys}: {@code rtmp://host/live/cam?key=K}) or
 * a valid signature ({@link Signed}: {@code rtmp://host/live/cam?expires=UNIX&sign=HEX}, see {@link Signer}).
 *
 * <p>The {@code toString()} of a rule never shows a key or a secret.
 */
public sealed interface StreamRule {

    /**
     * No condition.
     *
     * @return the open rule
     */
    static StreamRule open() {
        return Open.INSTANCE;
    }

    /**
     * The {@code key} query parameter must be one of {@code keys} (compared in constant time).
     *
     * @param keys the stream keys allowed; not empty, none empty
     * @return the rule
     * @throws IllegalArgumentException if {@code keys} or one of them is empty
     */
    static StreamRule keys(Collection<String> keys) {
        return new Keys(List.copyOf(keys));
    }

    /**
     * The URL must be signed with {@code secret} and not expired (see {@link Signer}).
     *
     * @param secret the HMAC-SHA256 key, as UTF-8 text; not empty
     * @return the rule
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    static StreamRule signed(String secret) {
        return new Signed(secret);
    }

    /** No condition: everyone may. */
    final class Open implements StreamRule {
        static final Open INSTANCE = new Open();

        private Open() {
        }

        @Override
        public String toString() {
            return "open";
        }
    }

    /**
     * The {@code key} query parameter must be one of these.
     *
     * @param keys the stream keys allowed
     */
    record Keys(List<String> keys) implements StreamRule {
        /**
         * A stream key rule; the list is copied.
         *
         * @param keys the stream keys allowed; not empty, none empty
         */
        public Keys {
            keys = List.copyOf(keys);
            if (keys.isEmpty() || keys.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("a stream key rule needs at least one key, and no empty key");
            }
        }

        /**
         * Names the rule without its keys.
         *
         * @return {@code keys(N)}
         */
        @Override
        public String toString() {
            return "keys(" + keys.size() + ")";
        }
    }

    /**
     * The URL must carry {@code expires} and {@code sign} made with this secret (see {@link Signer}).
     *
     * @param secret the HMAC-SHA256 key, as UTF-8 text
     */
    record Signed(String secret) implements StreamRule {
        /**
         * A signed URL rule.
         *
         * @param secret the HMAC-SHA256 key, as UTF-8 text; not empty
         */
        public Signed {
            Objects.requireNonNull(secret, "secret");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("a signed URL rule needs a secret");
            }
        }

        /** The secret as the HMAC key. */
        byte[] key() {
            return secret.getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Names the rule without its secret.
         *
         * @return {@code signed}
         */
        @Override
        public String toString() {
            return "signed";
        }
    }
}
