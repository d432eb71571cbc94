package app.bar.chat;

/**
 * A room is gone: its owner burned it, it expired, or its last participant left. Published in
 * process, after the row is deleted, so the node's sockets (and through Redis every other node's)
 * close the room's connections.
 */
record ChatRoomBurned(String roomId, Reason reason) {

    enum Reason {
        OWNER, EXPIRED, EMPTY;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
