/**
 * Who may publish and play on a {@link io.rtmp4j.server.LiveServer} (project issue 12): built-in rules
 * ({@link io.rtmp4j.server.auth.AccessRules}: stream keys, signed URLs made by
 * {@link io.rtmp4j.server.auth.Signer}, CIDR allow and deny lists) and HTTP hooks
 * ({@link io.rtmp4j.server.auth.HttpHooks}, compatible with nginx-rtmp's {@code on_*} notifications),
 * combined with {@link io.rtmp4j.server.auth.AccessChain}.
 */
package io.rtmp4j.server.auth;
