package se.esam.lifecycle.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values nobody should send, drawn from the fuzz run's seeded random source: the catalogue of known
 * troublemakers (overlong text, control characters, lone surrogates, edge months and numbers, unknown
 * ids, Camunda variables of every type) mixed with random strings over the whole UTF-16 range.
 */
final class HostileValues {

    /** A source of values; the same random source gives the same values. */
    @FunctionalInterface
    interface Gen<T> {
        T next(Random random);

        default <U> Gen<U> map(Function<? super T, ? extends U> mapper) {
            return random -> mapper.apply(next(random));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text a person could never have typed into a form, or that our storage cannot take. */
    private static final List<String> TEXTS = List.of(
            "",
            " ",
            "\t",
            "null",
            "true",
            "0",
            "-1",
            "NaN",
            "Infinity",
            "\u0000",
            "a\u0000b",
            "\u0001\u0002\u001f",
            "\u007f",
            "\r\n",
            "line\nbreak",
            "\ud800",
            "x\udc00",
            "\udbff\udfff",
            "\ud83d",
            "😀",
            "\u202e",
            "\ufeff",
            "\u200b",
            "å\u030a",
            "-999999999-01",
            "+999999999-12",
            "2026-13",
            "2026-00",
            "0000-01",
            "2026-1",
            "9999-99-99",
            "2026-02-30T25:61:61",
            "-999999999-01-01T00:00:00Z",
            "2026-12-01T00:00:00.000+0100",
            "FB-2026-0001 ",
            " FB-2026-0001",
            "FB-+2026-0001",
            "FB-2026-00001",
            "REV-+1",
            "REV-01",
            "REV-1\n",
            "REV-9999999999999999999",
            "FB-2099-9999",
            "REV-99999",
            "00000000-0000-0000-0000-000000000000",
            "no-such-id",
            "../../etc/passwd",
            "..%2F..%2F",
            "%00",
            "%",
            "_",
            "\\",
            "' OR '1'='1",
            "'; drop table feedback; --",
            "<script>alert(1)</script>",
            "{\"a\":1}",
            "[1,2]",
            "${7*7}",
            "#{7*7}",
            "approve ",
            "APPROVE",
            "Approve",
            " ERROR",
            "error",
            "GAP\u0000");

    private static final List<Integer> OVERLONG = List.of(101, 256, 4_000, 4_001, 10_000, 10_001, 100_001);

    private HostileValues() {}

    /** Any string: the catalogue, overlong text or random characters (surrogates and controls included). */
    static Gen<String> strings() {
        return frequency(
                weighted(5, oneOf(TEXTS)),
                weighted(2, oneOf(OVERLONG).map(HostileValues::overlong)),
                weighted(3, random -> characters(random, 0, 300, '\u0000', '\uffff')),
                weighted(1, random -> characters(random, 1, 8, '\u0000', '\u001f')),
                weighted(1, random -> characters(random, 1, 4, '\ud800', '\udfff')));
    }

    /** Random characters from a range: for the whole range, mostly ASCII and Latin-1 with any UTF-16 unit between. */
    private static String characters(Random random, int minLength, int maxLength, char from, char to) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char upper = to == '\uffff'
                    ? switch (random.nextInt(3)) {
                        case 0 -> '\u007f';
                        case 1 -> '\u00ff';
                        default -> to;
                    }
                    : to;
            text.append((char) (from + random.nextInt(upper - from + 1)));
        }
        return text.toString();
    }

    static <T> Gen<T> oneOf(List<? extends T> values) {
        return random -> values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        return oneOf(List.of(values));
    }

    private record Weighted<T>(int weight, Gen<? extends T> gen) {}

    private static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    @SafeVarargs
    private static <T> Gen<T> frequency(Weighted<T>... choices) {
        int total = 0;
        for (Weighted<T> choice : choices) {
            total += choice.weight();
        }
        int sum = total;
        return random -> {
            int pick = random.nextInt(sum);
            for (Weighted<T> choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new IllegalStateException("weights");
        };
    }

    /** Text of this many characters, multi-byte ones among them. */
    static String overlong(int length) {
        StringBuilder text = new StringBuilder(length);
        String cycle = "Lång text med å, ä, ö och € ";
        while (text.length() < length) {
            text.append(cycle, 0, Math.min(cycle.length(), length - text.length()));
        }
        return text.toString();
    }

    /** Any JSON value where one was expected: hostile strings, numbers, booleans, null, objects, arrays. */
    static Gen<JsonNode> json() {
        return frequency(
                weighted(6, strings().map(NODES::textNode)),
                weighted(2, numbers()),
                weighted(1, oneOf(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())),
                weighted(2, oneOf(structures())),
                weighted(1, camundaVariables()));
    }

    static Gen<JsonNode> numbers() {
        return frequency(
                weighted(
                        2,
                        oneOf(
                                NODES.numberNode(0),
                                NODES.numberNode(-1),
                                NODES.numberNode(-2),
                                NODES.numberNode(-5),
                                NODES.numberNode(Integer.MIN_VALUE),
                                NODES.numberNode(Integer.MAX_VALUE),
                                NODES.numberNode(Long.MIN_VALUE),
                                NODES.numberNode(Long.MAX_VALUE),
                                NODES.numberNode(new BigInteger("99999999999999999999999999999999")),
                                NODES.numberNode(new BigDecimal("1e400")),
                                NODES.numberNode(new BigDecimal("-1e-400")),
                                NODES.numberNode(-0.0d),
                                NODES.numberNode(3.14d))),
                weighted(1, random -> NODES.numberNode(random.nextInt())),
                weighted(1, random -> NODES.numberNode(random.nextLong())));
    }

    private static List<JsonNode> structures() {
        return List.of(
                NODES.objectNode(),
                NODES.arrayNode(),
                parse("[null]"),
                parse("[\"x\",1,{}]"),
                parse("{\"value\":{\"value\":{}}}"),
                parse("{\"$ref\":\"#\"}"),
                parse("{\"\":null}"),
                parse("{\"value\":null,\"type\":null}"));
    }

    /**
     * A Camunda typed variable ({@code value}, {@code type}, {@code valueInfo}) of a kind no person's form
     * sends: Object variables naming Java classes, serialized Java, XML, files, bytes, and scalars whose
     * value does not fit their type. No class named here does anything when built.
     */
    static Gen<JsonNode> camundaVariables() {
        return oneOf(
                variable(
                        "\"{}\"",
                        "Object",
                        "{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}"),
                variable(
                        "\"[]\"",
                        "Object",
                        "{\"objectTypeName\":\"java.util.ArrayList\",\"serializationDataFormat\":\"application/json\"}"),
                variable(
                        "\"{}\"",
                        "Object",
                        "{\"objectTypeName\":\"no.such.Type\",\"serializationDataFormat\":\"application/json\"}"),
                variable(
                        "\"{not json\"",
                        "Object",
                        "{\"objectTypeName\":\"java.lang.Object\",\"serializationDataFormat\":\"application/json\"}"),
                variable(
                        "\"rO0ABXQAAWE=\"",
                        "Object",
                        "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}"),
                variable("\"{}\"", "Object", "{}"),
                variable("\"{}\"", "Object", null),
                variable("\"{bad\"", "Json", null),
                variable("\"<a>\"", "Xml", null),
                variable("\"!!!not base64\"", "Bytes", null),
                variable("\"aGVsbG8=\"", "File", "{\"filename\":\"../../x.txt\",\"mimetype\":\"text/plain\"}"),
                variable("\"not a date\"", "Date", null),
                variable("\"abc\"", "Integer", null),
                variable("1e20", "Integer", null),
                variable("\"9223372036854775808\"", "Long", null),
                variable("\"NaN\"", "Double", null),
                variable("\"x\"", "Boolean", null),
                variable("\"x\"", "NoSuchType", null),
                variable("{}", "String", null),
                variable("[1]", null, null),
                variable("\"" + overlong(4_001) + "\"", "String", null),
                variable("\"" + overlong(10_001) + "\"", null, null),
                variable("\"\\u0000\\ud800\"", "String", null));
    }

    private static JsonNode variable(String value, String type, String valueInfo) {
        ObjectNode variable = NODES.objectNode();
        variable.set("value", parse(value));
        if (type != null) {
            variable.put("type", type);
        }
        if (valueInfo != null) {
            variable.set("valueInfo", parse(valueInfo));
        }
        return variable;
    }

    /** A variable or field name nobody declares. */
    static Gen<String> names() {
        return frequency(
                weighted(
                        3,
                        oneOf(
                                "x",
                                "submitter",
                                "reference",
                                "organisation",
                                "approverGroup",
                                "consultationHeld",
                                "revisionId",
                                "expertGroup",
                                "",
                                " ",
                                "a.b",
                                "$",
                                "__proto__")),
                weighted(1, oneOf(256, 4_001).map(HostileValues::overlong)),
                weighted(2, strings()));
    }

    /**
     * Percent-encodes every character outside the unreserved set, as UTF-8; a lone surrogate as the three
     * bytes a careless encoder writes for it (not valid UTF-8), so it reaches the server as sent.
     */
    static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {
                    (byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))
                };
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    /** Already-encoded path and query pieces that no encoder would make: bad UTF-8, encoded separators. */
    static Gen<String> rawUrlPieces() {
        return oneOf(
                "%ED%A0%80",
                "%FF%FE",
                "%C0%AE%C0%AE",
                "%00",
                "%2F",
                "%2e%2e",
                "%25",
                "%5C",
                "%0A",
                "%E2%80%AE",
                "%F0%9F%98",
                "..",
                ".",
                ";jsessionid=x",
                "%3B");
    }

    static JsonNode parseJson(String json) {
        return parse(json);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
