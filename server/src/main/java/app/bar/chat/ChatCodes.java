package app.bar.chat;

/**
 * The chat module's problem codes (see {@code docs/errors.md}). A room that never existed, has
 * expired or was burned, or whose owner token is wrong, answers {@code resource.not_found} as a
 * gone share does.
 */
public final class ChatCodes {

    /** 401: burning a room needs its owner token as {@code Authorization: Bearer bar_ct_...}. */
    public static final String OWNER_TOKEN_REQUIRED = "chat.owner_token_required";
    /** 409: the room has as many participants as it allows; nobody else may join while they are in. */
    public static final String ROOM_FULL = "chat.room_full";
    /** 403: the WebSocket handshake came from a page of another origin than BAR's own. */
    public static final String ORIGIN_REFUSED = "chat.origin_refused";

    private ChatCodes() {
    }
}
