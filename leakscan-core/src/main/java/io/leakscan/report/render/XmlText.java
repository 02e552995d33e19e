package io.leakscan.report.render;

/** Escapes text for XML and HTML content and attribute values. Stateless. */
final class XmlText {
    private XmlText() {
    }

    /** {@code s} with markup characters escaped and control characters (other than tab and line breaks) as spaces. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
