package io.rtmp4j.server;

/**
 * How a player's connection frames media messages on the wire: everything a pre-encoded chunk
 * sequence depends on. Players with equal layouts share one encoded copy of every frame
 * (issue 5 "encode a message's chunks once and share the bytes among the players that use the same
 * chunk size and header form").
 *
 * <p>Each shared copy is a fmt 0 chunk (rtmp-1.0.txt §5.3.1.2.1) followed by fmt 3 continuation
 * chunks (§5.3.1.2.4) of {@code chunkSize} bytes, extended timestamp repeated on each when needed
 * (§5.3.1.3). The session on the other side must therefore never have sent, on these chunk stream
 * ids, a header that a fmt 0 would not reset: it only needs to send nothing relative to what the
 * hub wrote.
 *
 * @param chunkSize       the connection's outbound chunk size (after its Set Chunk Size, §5.4.1)
 * @param messageStreamId the player's play stream id (§7.2.2.1)
 * @param audioCsid       chunk stream id for audio messages (type 8)
 * @param videoCsid       chunk stream id for video messages (type 9)
 * @param dataCsid        chunk stream id for data messages (type 18, onMetaData)
 */
public record ChunkLayout(int chunkSize, int messageStreamId, int audioCsid, int videoCsid, int dataCsid) {

    /**
     * Checks that the chunk size is positive and each chunk stream id is 3..65599 (2 is the protocol
     * control stream, rtmp-1.0.txt §5.4).
     *
     * @param chunkSize the connection's outbound chunk size (after its Set Chunk Size, §5.4.1)
     * @param messageStreamId the player's play stream id (§7.2.2.1)
     * @param audioCsid chunk stream id for audio messages (type 8)
     * @param videoCsid chunk stream id for video messages (type 9)
     * @param dataCsid chunk stream id for data messages (type 18, onMetaData)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public ChunkLayout {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        checkCsid(audioCsid);
        checkCsid(videoCsid);
        checkCsid(dataCsid);
    }

    private static void checkCsid(int csid) {
        if (csid < 3 || csid > 65_599) { // 2 is the protocol control stream (§5.4)
            throw new IllegalArgumentException("media chunk stream id must be 3..65599: " + csid);
        }
    }

    /** The chunk stream id for a message of this type id. */
    int csidFor(int typeId) {
        return switch (typeId) {
            case Frame.AUDIO -> audioCsid;
            case Frame.VIDEO -> videoCsid;
            default -> dataCsid;
        };
    }
}
