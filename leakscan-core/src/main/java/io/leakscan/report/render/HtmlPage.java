package io.leakscan.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The shell of a self-contained HTML report: one file with its styles, d3, its script and its data
 * inlined, and a Content-Security-Policy that forbids every network request (no CDN, no font, no image
 * from anywhere but the page itself). The body is written by the caller; tables are plain HTML, so the
 * numbers read without scripts and for screen readers, and the script only draws and sorts.
 *
 * <p>Cost: reads d3 (about 280 KB) and the page's own assets from the classpath once per page. Not
 * thread-safe; one per page.
 */
final class HtmlPage {
    private static final String ASSETS = "io/leakscan/report/render/html/";
    /** No request of any kind; inline scripts and styles only; images only as data: URIs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private final String title;
    private final StringBuilder body = new StringBuilder(64 * 1024);

    HtmlPage(String title) {
        this.title = title;
    }

    /** Where the caller writes the page's body (escaped HTML). */
    StringBuilder body() {
        return body;
    }

    /**
     * The whole page, closing the body's {@code <main>}. The tables in the body are the text; the script
     * gets only the two report records it draws, as the JSON format writes them, under the names given.
     *
     * @param script name of the page's script among the assets ({@code analyze.js}, {@code diff.js})
     */
    String render(String script, String name1, Object record1, String name2, Object record2) {
        body.append("</main>\n");
        Map<String, Object> drawn = new LinkedHashMap<>(); // fixed order: the same report gives the same page
        drawn.put(name1, record1);
        drawn.put(name2, record2);
        String dataJson = JsonRenderer.compact(drawn);
        StringBuilder out = new StringBuilder(body.length() + dataJson.length() + 320 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"generator\" content=\"leakscan\">\n<title>").append(esc(title)).append("</title>\n")
                .append("<style>\n").append(asset("report.css")).append("</style>\n</head>\n<body>\n");
        out.append(body);
        out.append("<footer><p>Written by leakscan. This page is one self-contained file: it makes no network"
                + " request. Charts are drawn with d3 ").append(esc(d3Version()))
                .append(" (ISC licence), inlined below.</p></footer>\n");
        // "<" inside JSON occurs only within strings, where \u003c means the same: no "</script>" can end the block.
        out.append("<script type=\"application/json\" id=\"leakscan-data\">")
                .append(dataJson.replace("<", "\\u003c")).append("</script>\n");
        out.append("<script>\n").append(scriptSafe(d3())).append("\n</script>\n");
        out.append("<script>\n").append(asset("common.js")).append('\n').append(asset(script)).append("</script>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    static String esc(String s) {
        return XmlText.escape(s);
    }

    static String d3Version() {
        Properties p = new Properties();
        try (InputStream in = open(ASSETS + "webjars.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("d3.version");
    }

    private static String d3() {
        return read("META-INF/resources/webjars/d3/" + d3Version() + "/dist/d3.min.js");
    }

    private static String asset(String name) {
        return read(ASSETS + name);
    }

    /** A script must not contain "</script" (it would end the element); escape the slash if d3 ever does. */
    private static String scriptSafe(String js) {
        return js.toLowerCase(Locale.ROOT).contains("</script") ? js.replaceAll("(?i)</script", "<\\\\/script") : js;
    }

    private static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing from the build: " + resource);
        }
        return in;
    }
}
