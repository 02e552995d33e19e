package io.leakscan.bench.harness;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which version of a library a class was loaded from, read off the Maven coordinates baked into the harness. */
final class Versions {
    private static final Pattern VERSION = Pattern.compile("<(\\w+)\\.version>([^<]+)<");

    private Versions() {
    }

    /** The version the harness' pom pins for the library of that class, or "?" when unknown. */
    static String of(Class<?> type) {
        String pkg = type.getPackageName();
        String key = pkg.startsWith("org.netbeans") ? "netbeans"
                : pkg.startsWith("shark") ? "shark"
                : pkg.startsWith("org.h2") ? "h2" : "";
        URL pom = Versions.class.getResource("/META-INF/maven/io.leakscan/leakscan-bench-harness/pom.xml");
        if (pom == null || key.isEmpty()) {
            return "?";
        }
        try (var in = pom.openStream()) {
            Matcher m = VERSION.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            while (m.find()) {
                if (m.group(1).equals(key)) {
                    return m.group(2);
                }
            }
        } catch (java.io.IOException e) {
            return "?";
        }
        return "?";
    }
}
