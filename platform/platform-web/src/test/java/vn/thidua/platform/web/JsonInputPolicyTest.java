package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputPolicyTest {
    record Unit(String code, String name, String parentCode) {
    }

    record Target(String name, Integer planned) {
    }

    record Registration(String movement, List<Target> targets) {
    }

    private final ObjectMapper policed = new JsonInputPolicy(new ObjectMapper(), true).getContext(Object.class);
    private final ObjectMapper gateway = new JsonInputPolicy(new ObjectMapper(), false).getContext(Object.class);

    @Test
    void everyUnknownPropertyIsRefusedAtOnceWithTheKnownNames() {
        String body = "{\"code\":\"000.00.52.H56\",\"name\":\"Hội Luật gia\",\"parent\":\"000.00.31.H56\",\"colour\":\"red\"}";
        JsonInputPolicy.UnknownProperties refused = assertThrows(JsonInputPolicy.UnknownProperties.class,
                () -> policed.readValue(body, Unit.class));
        assertEquals(List.of("parent", "colour"), refused.names());
        assertEquals(List.of("code", "name", "parentCode"), refused.known());
        // the gateway, which takes passwords and so polices no text, refuses unknown properties too
        assertEquals(List.of("parent", "colour"), assertThrows(JsonInputPolicy.UnknownProperties.class,
                () -> gateway.readValue(body, Unit.class)).names());
    }

    @Test
    void anUnknownPropertyInANestedObjectIsNamedWithItsPath() {
        JsonInputPolicy.UnknownProperties refused = assertThrows(JsonInputPolicy.UnknownProperties.class, () -> policed.readValue(
                "{\"movement\":\"m\",\"targets\":[{\"name\":\"a\",\"planned\":1},{\"name\":\"b\",\"plan\":{\"deep\":[1,2]}}]}", Registration.class));
        assertEquals(List.of("plan"), refused.names());
        assertEquals(List.of("targets", "1"), refused.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex())).toList());
    }

    @Test
    void aBodyWithOnlyKnownPropertiesAndMapsWithAnyKeysIsRead() throws IOException {
        assertEquals(new Unit("000.00.52.H56", "Hội Luật gia", null), policed.readValue("{\"code\":\"000.00.52.H56\",\"name\":\"Hội Luật gia\"}", Unit.class));
        assertEquals(Map.of("LEAD", "FOR"), policed.readValue("{\"LEAD\":\"FOR\"}", Map.class));
    }

    @Test
    void overlongAndOtherMalformedUtf8IsRefusedNeverDecodedLeniently() throws IOException {
        for (byte[] bad : List.of(
                new byte[] {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAE}, // ".." written the long way
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAE}, // "." in three bytes
                new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAE}, // "." in four
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
                new byte[] {(byte) 0x80}, // a stray continuation
                new byte[] {(byte) 0xE1, (byte) 0x80})) { // cut short by the closing quote
            byte[] body = concat("{\"code\":\"x\",\"name\":\"".getBytes(StandardCharsets.UTF_8), bad, "\"}".getBytes(StandardCharsets.UTF_8));
            assertThrows(StrictUtf8InputStream.Malformed.class, () -> policed.readValue(new ByteArrayInputStream(body), Unit.class));
            assertThrows(StrictUtf8InputStream.Malformed.class, () -> gateway.readValue(body, Unit.class));
        }
        String vietnamese = "{\"code\":\"x\",\"name\":\"Hội Liên hiệp Phụ nữ \uD83C\uDFC5 ữ\"}";
        assertEquals("Hội Liên hiệp Phụ nữ \uD83C\uDFC5 ữ",
                policed.readValue(new ByteArrayInputStream(vietnamese.getBytes(StandardCharsets.UTF_8)), Unit.class).name());
    }

    @Test
    void aStreamCutInsideASequenceIsMalformed() throws IOException {
        try (StrictUtf8InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(new byte[] {'a', (byte) 0xE1, (byte) 0x80}))) {
            assertEquals('a', in.read());
            assertEquals(0xE1, in.read());
            assertEquals(0x80, in.read());
            assertEquals(3, assertThrows(StrictUtf8InputStream.Malformed.class, in::read).offset());
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
