package app.bar.security;

/** What an account may do: {@code USER} everything of its own, {@code ADMIN} also the admin API. */
public enum Role {
    USER,
    ADMIN;

    public static Role of(String name) {
        return ADMIN.name().equals(name) ? ADMIN : USER;
    }
}
