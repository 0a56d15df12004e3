package se.esam.lifecycle.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The package builder alone: what the integration test checks in depth, on the edges it cannot reach. */
class SipPackageTest {

    private static final SipPackage.Producer PRODUCER =
            new SipPackage.Producer("eSam", "", "guidance-lifecycle", "utveckling");

    @Test
    void aCaseWithoutAKnownCloseStillGetsAPackageAndAnOrganisationWithoutIdNoNote() {
        Map<String, byte[]> files = SipPackage.build(
                new SipPackage.Description(
                        "FB-2020-0001",
                        "Synpunkt FB-2020-0001",
                        "Synpunktsärende",
                        "Synpunkt",
                        "digital-samverkan",
                        "Fel",
                        Instant.parse("2020-01-02T10:00:00Z"),
                        null),
                PRODUCER,
                Instant.parse("2026-12-04T12:00:00.123Z"),
                List.of(new SipPackage.DataFile("a.txt", "text/plain", "å".getBytes(StandardCharsets.UTF_8))));

        assertThat(new String(files.get("metadata/descriptive/dc.xml"), StandardCharsets.UTF_8))
                .contains("<dc:date>2020-01-02T10:00:00Z/</dc:date>");
        String mets = new String(files.get("METS.xml"), StandardCharsets.UTF_8);
        assertThat(mets).doesNotContain("IDENTIFICATIONCODE").contains("CREATEDATE=\"2026-12-04T12:00:00Z\"");
        assertThat(List.copyOf(files.keySet()).get(0)).isEqualTo("METS.xml");
        assertThat(new String(files.get("representations/rep1/METS.xml"), StandardCharsets.UTF_8))
                .contains("CHECKSUM=\"" + SipPackage.sha256("å".getBytes(StandardCharsets.UTF_8)) + "\"")
                .contains("xlink:href=\"data/a.txt\"");
    }

    @Test
    void sha256IsTheDigestOfTheBytes() {
        assertThat(SipPackage.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
    }
}
