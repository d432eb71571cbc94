package app.bar.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name to addresses, once per check. The system resolver in production; a table in tests (no DNS there). */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
