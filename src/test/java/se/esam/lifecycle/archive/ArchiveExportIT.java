package se.esam.lifecycle.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.ApplicationOnPostgres;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.Problems;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Closed cases as E-ARK SIPs over real HTTP on PostgreSQL: a feedback item answered in a published version,
 * a rejected one and the revision that published the version, made through the real processes. Each
 * package is checked against the CSIP and SIP requirements that apply (one assertion per requirement,
 * named by its id in CSIP 2.1 / SIP 2.1, checked against DILCIS's profiles E-ARK-CSIP-v2-1-0.xml and
 * E-ARK-SIP-v2-1-0.xml and CSIP's folder requirements CSIPSTR1-16), its PREMIS objects, events and agents, and every checksum against
 * its file; every file in the ZIP is listed. Then who may ask, what is not closed or not there, the period
 * over the API and the export command.
 *
 * <p>Not done here: validation against the METS and PREMIS XML schemas. No artifact on Maven Central
 * reachable from this build carries them (E-ARK's commons-ip is not on Central), and the tests run offline.
 */
@ApplicationOnPostgres
class ArchiveExportIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(ArchiveExportIT.class, registry);
        smtp.configure(registry);
        registry.add("archive.organisation", () -> "eSam kansli");
        registry.add("archive.organisation-id", () -> "202100-0000");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "Den som lämnar ut uppgifter ansvarar för utbytet.";

    @LocalServerPort
    int port;

    @Autowired
    ArchiveExportCommand command;

    private String base;
    private ProcessDriver driver;
    private String answered;
    private String rejected;
    private String open;
    private String revision;

    @BeforeAll
    void closeCasesThroughTheProcesses() {
        base = HttpAgent.local(port);
        driver = new ProcessDriver(base);
        answered = driver.submit(
                "anna", "digital-samverkan", "4.1", "3", "GAP", "Arkivprov: avsnitt 3 säger inte vem som ansvarar.");
        rejected = driver.submit(
                "olof", "digital-samverkan", "4.1", "4", "SUGGESTION", "Arkivprov: byt namn på vägledningen.");
        open = driver.submit("anna", "digital-samverkan", "4.1", "2", "ERROR", "Arkivprov: ännu inte behandlad.");
        driver.route(answered, "expert-architecture");
        driver.askForClarification(rejected, "Vilket namn föreslår ni?");
        driver.complete(
                "olof",
                driver.task("olof", "RequestClarification", rejected),
                Map.of("clarificationAnswer", "Samverkan digitalt."));
        driver.route(rejected, "expert-architecture");
        driver.review("erik", answered, "ACCEPTED", "Tas med i nästa version.");
        driver.review("erik", rejected, "REJECTED", "Namnet är beslutat av styrgruppen.");
        revision = driver.openRevision("digital-samverkan");
        driver.draftEditorially("per", revision, List.of(answered), null);
        driver.approveQuality(revision);
        HttpAgent.Response approved = driver.as("maria")
                .json("POST", "/api/revisions/" + revision + "/approval", Map.of("decision", "approve"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(driver.as("anna").get("/api/feedback/" + answered).json())
                .containsEntry("status", "ANSWERED_IN_VERSION");
        assertThat(driver.as("olof").get("/api/feedback/" + rejected).json()).containsEntry("status", "REJECTED");
    }

    // --- the packages

    @Test
    void anAnsweredFeedbackItemIsASipWithItsHistoryDispositionMailsAndTheVersionThatAnsweredIt() throws Exception {
        Map<String, byte[]> files = download("karin", "/api/archive/" + answered);
        checkPackage(answered, files);

        var record = JSON.readTree(files.get("representations/rep1/data/feedback.json"));
        assertThat(record.at("/feedback/reference").asText()).isEqualTo(answered);
        assertThat(record.at("/feedback/disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(record.at("/feedback/dispositionReason").asText()).isEqualTo("Tas med i nästa version.");
        assertThat(record.at("/feedback/status").asText()).isEqualTo("ANSWERED_IN_VERSION");
        assertThat(record.at("/answeredBy/version").asText()).isEqualTo("4.2");
        assertThat(record.at("/answeredBy/revision").asText()).isEqualTo(revision);
        List<String> actions = new ArrayList<>();
        record.at("/feedback/events").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).startsWith("SUBMITTED").contains("ROUTED", "DECIDED", "ANSWERED_IN_VERSION");

        // the register's facts travel with the package: the archive finds the case by its diarienummer
        String number = registrationNumber(answered);
        assertThat(record.at("/registrations").size()).isEqualTo(1);
        assertThat(record.at("/registrations/0/registrationNumber").asText()).isEqualTo(number);
        assertThat(record.at("/registrations/0/kind").asText()).isEqualTo("FEEDBACK");
        assertThat(record.at("/registrations/0/receivedAt").asText()).isNotBlank();
        assertThat(record.at("/registrations/0/organisation").asText()).isEqualTo("org-pensionsmyndigheten");
        assertThat(record.at("/registrations/0/organisationName").asText()).isEqualTo("Pensionsmyndigheten");
        assertThat(record.at("/registrations/0/caseTitle").asText()).startsWith("Synpunkt på ");
        assertThat(record.has("registrations") && record.at("/registrations/0").has("secrecyMarking"))
                .isTrue();
        assertThat(dcIdentifiers(files)).containsExactly(answered, number);
        assertThat(new String(files.get("documentation/om-paketet.txt"), StandardCharsets.UTF_8))
                .startsWith("Arkivpaket " + answered + ", diarienummer " + number + "\n");

        var mails = JSON.readTree(files.get("representations/rep1/data/mails.json"));
        List<String> subjects = new ArrayList<>();
        mails.forEach(m -> subjects.add(m.get("subject").asText()));
        assertThat(subjects).isNotEmpty().anyMatch(s -> s.contains(answered));

        String text = new String(files.get("representations/rep1/data/feedback.txt"), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Synpunkt " + answered)
                .contains("Arkivprov: avsnitt 3 säger inte vem som ansvarar.")
                .contains("Tas med i nästa version.")
                .contains("Besvarad i version")
                .contains("4.2")
                .contains(subjects.get(0))
                .contains("Diarieföring (1)")
                .contains("--- " + number + " Synpunkt")
                .contains("Avsändare: Pensionsmyndigheten")
                // a person reads the organisation's name; the id is for machines, in the JSON
                .contains("(Pensionsmyndigheten)")
                .doesNotContain("org-pensionsmyndigheten");
    }

    /** The checks are not blind: a changed byte, an unlisted file or a wrong profile is found out. */
    @Test
    void aPackageThatWasTamperedWithFailsTheChecks() throws Exception {
        Map<String, byte[]> files = download("karin", "/api/archive/" + rejected);
        checkPackage(rejected, files);

        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        byte[] json = changed.get("representations/rep1/data/feedback.json").clone();
        json[json.length / 2] ^= 1;
        changed.put("representations/rep1/data/feedback.json", json);
        assertThatThrownBy(() -> checkPackage(rejected, changed)).isInstanceOf(AssertionError.class);

        Map<String, byte[]> extra = new LinkedHashMap<>(files);
        extra.put("representations/rep1/data/unlisted.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> checkPackage(rejected, extra))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unlisted.txt");

        Map<String, byte[]> otherProfile = new LinkedHashMap<>(files);
        otherProfile.put(
                "METS.xml",
                new String(files.get("METS.xml"), StandardCharsets.UTF_8)
                        .replace("E-ARK-SIP.xml", "E-ARK-DIP.xml")
                        .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> checkPackage(rejected, otherProfile))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CSIP6");
    }

    @Test
    void aRejectedFeedbackItemIsASipToo() throws Exception {
        Map<String, byte[]> files = download("admin", "/api/archive/" + rejected);
        checkPackage(rejected, files);
        var record = JSON.readTree(files.get("representations/rep1/data/feedback.json"));
        assertThat(record.at("/feedback/disposition").asText()).isEqualTo("REJECTED");
        assertThat(record.get("answeredBy").isNull()).isTrue();
        List<String> rounds = new ArrayList<>();
        record.get("clarificationRounds")
                .forEach(e -> rounds.add(e.get("action").asText()));
        assertThat(rounds).containsExactly("CLARIFICATION_REQUESTED", "CLARIFIED");
        // the clarification answer is an incoming document of its own, registered under its own number
        List<String> kinds = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        record.get("registrations").forEach(e -> {
            kinds.add(e.get("kind").asText());
            numbers.add(e.get("registrationNumber").asText());
        });
        assertThat(kinds).containsExactly("FEEDBACK", "CLARIFICATION_ANSWER");
        assertThat(numbers.get(0)).isEqualTo(registrationNumber(rejected));
        assertThat(numbers.get(1)).isNotBlank().isNotEqualTo(numbers.get(0));
        assertThat(dcIdentifiers(files)).containsExactly(rejected, numbers.get(0));
        assertThat(new String(files.get("representations/rep1/data/feedback.txt"), StandardCharsets.UTF_8))
                .contains("CLARIFICATION_REQUESTED")
                .contains("Avslagen")
                .contains("Namnet är beslutat av styrgruppen.")
                .contains("--- " + numbers.get(0) + " Synpunkt")
                .contains("--- " + numbers.get(1) + " Svar på begäran om förtydligande");
    }

    @Test
    void aPublishedRevisionIsASipWithItsTextTracesDispositionsAndConsultation() throws Exception {
        Map<String, byte[]> files = download("karin", "/api/archive/" + revision);
        checkPackage(revision, files);

        var record = JSON.readTree(files.get("representations/rep1/data/revision.json"));
        assertThat(record.at("/revision/label").asText()).isEqualTo(revision);
        assertThat(record.at("/revision/newVersion").asText()).isEqualTo("4.2");
        assertThat(record.at("/revision/approvedBy").asText()).isEqualTo("maria");
        assertThat(record.at("/revision/consultationResponses").isArray()).isTrue();
        assertThat(record.at("/revision/items/0/feedbackReference").asText()).isEqualTo(answered);
        assertThat(record.at("/revision/items/0/trace").asText()).isEqualTo("ANSWERED");
        assertThat(record.at("/dispositions/0/feedbackReference").asText()).isEqualTo(answered);
        assertThat(record.at("/dispositions/0/disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(record.at("/dispositions/0/organisation").asText()).isEqualTo("org-pensionsmyndigheten");
        // a revision is not registered; each consultation response it received is
        assertThat(record.at("/registrations").isArray()).isTrue();
        assertThat(record.at("/registrations").size())
                .isEqualTo(record.at("/revision/consultationResponses").size());
        record.at("/registrations")
                .forEach(e -> assertThat(e.get("kind").asText()).isEqualTo("CONSULTATION_RESPONSE"));
        assertThat(dcIdentifiers(files)).containsExactly(revision);

        assertThat(new String(files.get("representations/rep1/data/version.txt"), StandardCharsets.UTF_8))
                .contains("digital-samverkan version 4.2")
                .contains(ANSWER);
        assertThat(record.at("/dispositions/0/organisationName").asText()).isEqualTo("Pensionsmyndigheten");
        assertThat(new String(files.get("representations/rep1/data/revision.txt"), StandardCharsets.UTF_8))
                .contains("Revision " + revision)
                .contains("Förtydligat ansvaret för informationsutbyte i avsnitt 3.")
                .contains(answered + " från Pensionsmyndigheten")
                .doesNotContain("org-pensionsmyndigheten");
    }

    // --- who may ask, and what cannot be had

    @Test
    void onlyTheKansliAndAdministratorsGetPackages() throws Exception {
        for (String outsider : List.of("anna", "olof", "erik", "per", "maria", "mats")) {
            HttpAgent.Download refused = fetch(outsider, "/api/archive/" + answered);
            assertThat(refused.status()).as(outsider).isEqualTo(403);
            // a refusal is the same whether the case exists or not
            assertThat(fetch(outsider, "/api/archive/FB-1999-9999").status())
                    .as(outsider)
                    .isEqualTo(403);
            assertThat(fetch(outsider, "/api/archive?from=2026-01-01&to=2026-12-31")
                            .status())
                    .as(outsider)
                    .isEqualTo(403);
        }
        assertThat(fetch(null, "/api/archive/" + answered).status()).isEqualTo(401);
        // nor around the front door: the records are not variables of a process, and Camunda's API has no archive
        assertThat(fetch("anna", "/engine-rest/archive/" + answered).status()).isIn(401, 403, 404);
    }

    @Test
    void anOpenCaseIsAConflictAnUnknownOneNotFoundAndNonsenseABadRequest() {
        HttpAgent karin = driver.as("karin");
        HttpAgent.Response notClosed = karin.get("/api/archive/" + open);
        assertThat(notClosed.status()).isEqualTo(409);
        assertThat(notClosed.contentType()).startsWith("application/problem+json");
        assertThat(notClosed.json().get("detail").toString()).contains(open).contains("inte avslutad");

        String openRevision = openRevisionOf("behovsdriven-utveckling");
        HttpAgent.Response unpublished = karin.get("/api/archive/" + openRevision);
        assertThat(unpublished.status()).isEqualTo(409);
        assertThat(unpublished.json().get("detail").toString()).contains("inte publicerad");

        assertThat(karin.get("/api/archive/FB-1999-9999").status()).isEqualTo(404);
        assertThat(karin.get("/api/archive/REV-999999").status()).isEqualTo(404);
        Problems.assertProblemNaming(karin.get("/api/archive/nonsense"), 400, "reference");
        Problems.assertProblemNaming(karin.get("/api/archive?from=2026-12-31&to=2026-01-01"), 400, "to");
        Problems.assertProblemNaming(karin.get("/api/archive?from=31/12/2026&to=2026-12-31"), 400, "from");
        Problems.assertProblemNaming(karin.get("/api/archive?to=2026-12-31"), 400, "from");
        Problems.assertProblemNaming(karin.get("/api/archive?from=-999999999-01-01&to=2026-12-31"), 400, "from");
        Problems.assertProblemNaming(karin.get("/api/archive?from=2026-01-01&to=%2B999999999-12-31"), 400, "to");
    }

    // --- a period in bulk

    @Test
    void thePeriodOverTheApiHoldsAPackageFolderForEveryCaseClosedInItAndNoOpenOne() throws Exception {
        LocalDate today = LocalDate.now(se.esam.lifecycle.system.SwedishTime.ZONE);
        Map<String, byte[]> all =
                unzip(fetchOk("karin", "/api/archive?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)));
        Set<String> folders = new TreeSet<>();
        all.keySet().forEach(name -> folders.add(name.substring(0, name.indexOf('/'))));
        assertThat(folders).contains(answered, rejected, revision).doesNotContain(open);
        for (String reference : List.of(answered, rejected, revision)) {
            Map<String, byte[]> one = new LinkedHashMap<>();
            all.forEach((name, content) -> {
                if (name.startsWith(reference + "/")) {
                    one.put(name.substring(reference.length() + 1), content);
                }
            });
            checkPackage(reference, one);
        }
        // a period before any of them holds none of them
        Map<String, byte[]> before = unzip(fetchOk("karin", "/api/archive?from=2001-01-01&to=2001-12-31"));
        assertThat(before.keySet()).noneMatch(name -> name.startsWith(answered + "/"));
    }

    @Test
    void theExportCommandWritesOneZipPerClosedCaseAndLeavesWhatItWroteAlone(@TempDir Path target) throws Exception {
        LocalDate today = LocalDate.now(se.esam.lifecycle.system.SwedishTime.ZONE);
        String[] args = {
            "--archive.export.from=" + today.minusDays(1),
            "--archive.export.to=" + today.plusDays(1),
            "--archive.export.target=" + target,
            "--archive.export.exit=false"
        };
        command.run(new DefaultApplicationArguments(args));

        for (String reference : List.of(answered, rejected, revision)) {
            Path zip = target.resolve(reference + ".zip");
            assertThat(zip).isRegularFile();
            Map<String, byte[]> files = new LinkedHashMap<>();
            unzip(Files.readAllBytes(zip)).forEach((name, content) -> {
                assertThat(name).startsWith(reference + "/");
                files.put(name.substring(reference.length() + 1), content);
            });
            checkPackage(reference, files);
        }
        assertThat(target.resolve(open + ".zip")).doesNotExist();
        try (var listing = Files.list(target)) {
            assertThat(listing).noneMatch(p -> p.toString().endsWith(".part"));
        }

        // run again: what is there is kept as it was
        byte[] first = Files.readAllBytes(target.resolve(answered + ".zip"));
        assertThat(command.export(today.minusDays(1), today.plusDays(1), target))
                .doesNotContain(target.resolve(answered + ".zip"));
        assertThat(Files.readAllBytes(target.resolve(answered + ".zip"))).isEqualTo(first);
    }

    // --- what every package must be

    /** CSIP 2.x and SIP 2.x, the requirements that apply to a package made here; then the checksums. */
    private void checkPackage(String objid, Map<String, byte[]> files) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(files).as("CSIPSTR4 root METS.xml").containsKey("METS.xml");
        softly.assertThat(files.keySet())
                .as("CSIPSTR5-CSIPSTR7 metadata folder with descriptive and preservation")
                .anyMatch(f -> f.startsWith("metadata/descriptive/"))
                .anyMatch(f -> f.startsWith("metadata/preservation/"));
        softly.assertThat(files.keySet())
                .as("CSIPSTR9-CSIPSTR11 representations folder, a representation folder, its data folder")
                .anyMatch(f -> f.startsWith("representations/rep1/data/"));
        softly.assertThat(files).as("CSIPSTR12 representation METS").containsKey("representations/rep1/METS.xml");
        softly.assertAll();

        Document root = parse(files.get("METS.xml"));
        XPath x = xpath();
        Element mets = root.getDocumentElement();
        assertThat(mets.getNamespaceURI() + " " + mets.getLocalName()).isEqualTo(SipPackage.METS + " mets");

        softly = new SoftAssertions();
        softly.assertThat(mets.getAttribute("OBJID"))
                .as("CSIP1 mets/@OBJID is the package's name")
                .isEqualTo(objid);
        softly.assertThat(mets.getAttribute("TYPE"))
                .as("CSIP2 mets/@TYPE content category")
                .isEqualTo("Other");
        softly.assertThat(mets.getAttributeNS(SipPackage.CSIP, "OTHERTYPE"))
                .as("CSIP3 mets/@csip:OTHERTYPE when TYPE is Other")
                .isNotBlank();
        softly.assertThat(mets.getAttributeNS(SipPackage.CSIP, "CONTENTINFORMATIONTYPE"))
                .as("CSIP4 mets/@csip:CONTENTINFORMATIONTYPE")
                .isEqualTo("OTHER");
        softly.assertThat(mets.getAttributeNS(SipPackage.CSIP, "OTHERCONTENTINFORMATIONTYPE"))
                .as("CSIP5 mets/@csip:OTHERCONTENTINFORMATIONTYPE when OTHER")
                .isNotBlank();
        softly.assertThat(mets.getAttribute("PROFILE"))
                .as("CSIP6/SIP2 mets/@PROFILE is the E-ARK SIP 2.1 profile")
                .isEqualTo("https://earksip.dilcis.eu/profile/E-ARK-SIP.xml");
        softly.assertThat(mets.getAttribute("LABEL")).as("SIP1 mets/@LABEL").isNotBlank();

        Element header = single(x, mets, "mets:metsHdr");
        softly.assertThat(header).as("CSIP117 mets/metsHdr").isNotNull();
        softly.assertThat(dateTime(header.getAttribute("CREATEDATE")))
                .as("CSIP7 metsHdr/@CREATEDATE")
                .isTrue();
        softly.assertThat(dateTime(header.getAttribute("LASTMODDATE")))
                .as("CSIP8 metsHdr/@LASTMODDATE")
                .isTrue();
        softly.assertThat(header.getAttributeNS(SipPackage.CSIP, "OAISPACKAGETYPE"))
                .as("CSIP9/SIP4 metsHdr/@csip:OAISPACKAGETYPE SIP")
                .isEqualTo("SIP");
        softly.assertThat(header.getAttribute("RECORDSTATUS"))
                .as("SIP3 metsHdr/@RECORDSTATUS NEW")
                .isEqualTo("NEW");
        softly.assertThat(nodes(x, header, "mets:agent"))
                .as("CSIP10 metsHdr/agent")
                .isNotEmpty();
        Element software = single(x, header, "mets:agent[@ROLE='CREATOR' and @TYPE='OTHER' and @OTHERTYPE='SOFTWARE']");
        softly.assertThat(software)
                .as("CSIP11-CSIP13 agent @ROLE CREATOR, @TYPE OTHER, @OTHERTYPE SOFTWARE")
                .isNotNull();
        if (software != null) {
            softly.assertThat(text(x, software, "mets:name"))
                    .as("CSIP14 agent/name")
                    .isEqualTo("guidance-lifecycle");
            Element note = single(x, software, "mets:note");
            softly.assertThat(note).as("CSIP15 agent/note").isNotNull();
            softly.assertThat(note == null ? null : note.getAttributeNS(SipPackage.CSIP, "NOTETYPE"))
                    .as("CSIP16 agent/note/@csip:NOTETYPE SOFTWARE VERSION")
                    .isEqualTo("SOFTWARE VERSION");
        }
        softly.assertThat(text(x, header, "mets:agent[@ROLE='CREATOR' and @TYPE='ORGANIZATION']/mets:name"))
                .as("SIP15-SIP18 submitting agent: CREATOR, ORGANIZATION, its name")
                .isEqualTo("eSam kansli");
        softly.assertThat(text(x, header, "mets:agent[@ROLE='ARCHIVIST' and @TYPE='ORGANIZATION']/mets:name"))
                .as("SIP9-SIP12 archival creator agent: ARCHIVIST, ORGANIZATION, its name")
                .isEqualTo("eSam kansli");
        softly.assertThat(
                        text(x, header, "mets:agent[@ROLE='ARCHIVIST']/mets:note[@csip:NOTETYPE='IDENTIFICATIONCODE']"))
                .as("SIP13/SIP14 archival creator's note typed IDENTIFICATIONCODE with the code")
                .isEqualTo("202100-0000");

        Element dmdSec = single(x, mets, "mets:dmdSec");
        softly.assertThat(dmdSec).as("CSIP17 dmdSec").isNotNull();
        if (dmdSec != null) {
            softly.assertThat(dmdSec.getAttribute("ID")).as("CSIP18 dmdSec/@ID").isNotBlank();
            softly.assertThat(dateTime(dmdSec.getAttribute("CREATED")))
                    .as("CSIP19 dmdSec/@CREATED")
                    .isTrue();
            softly.assertThat(dmdSec.getAttribute("STATUS"))
                    .as("CSIP20 dmdSec/@STATUS")
                    .isEqualTo("CURRENT");
            checkMdRef(softly, single(x, dmdSec, "mets:mdRef"), "dmdSec/mdRef (CSIP21-CSIP30)", "DC");
        }
        Element digiprov = single(x, mets, "mets:amdSec/mets:digiprovMD");
        softly.assertThat(digiprov).as("CSIP31/CSIP32 amdSec/digiprovMD").isNotNull();
        if (digiprov != null) {
            softly.assertThat(digiprov.getAttribute("ID"))
                    .as("CSIP33 digiprovMD/@ID")
                    .isNotBlank();
            softly.assertThat(digiprov.getAttribute("STATUS"))
                    .as("CSIP34 digiprovMD/@STATUS")
                    .isEqualTo("CURRENT");
            checkMdRef(softly, single(x, digiprov, "mets:mdRef"), "digiprovMD/mdRef (CSIP35-CSIP44)", "PREMIS");
        }

        Element fileSec = single(x, mets, "mets:fileSec");
        softly.assertThat(fileSec).as("CSIP58 fileSec").isNotNull();
        softly.assertThat(fileSec.getAttribute("ID")).as("CSIP59 fileSec/@ID").isNotBlank();
        softly.assertThat(nodes(x, fileSec, "mets:fileGrp[@USE='Documentation']"))
                .as("CSIP60 fileGrp USE Documentation")
                .isNotEmpty();
        softly.assertThat(nodes(x, fileSec, "mets:fileGrp[@USE='Representations/rep1']"))
                .as("CSIP114 fileGrp USE Representations/rep1")
                .isNotEmpty();
        for (Element group : nodes(x, fileSec, "mets:fileGrp")) {
            softly.assertThat(group.getAttribute("USE"))
                    .as("CSIP64 fileGrp/@USE")
                    .isNotBlank();
            softly.assertThat(group.getAttribute("ID")).as("CSIP65 fileGrp/@ID").isNotBlank();
            softly.assertThat(nodes(x, group, "mets:file"))
                    .as("CSIP66 fileGrp/file")
                    .isNotEmpty();
        }
        checkFiles(softly, x, fileSec, "");

        Element structMap = single(x, mets, "mets:structMap[@LABEL='CSIP']");
        softly.assertThat(structMap).as("CSIP80 structMap").isNotNull();
        if (structMap != null) {
            softly.assertThat(structMap.getAttribute("TYPE"))
                    .as("CSIP81 structMap/@TYPE")
                    .isEqualTo("PHYSICAL");
            softly.assertThat(structMap.getAttribute("LABEL"))
                    .as("CSIP82 structMap/@LABEL")
                    .isEqualTo("CSIP");
            softly.assertThat(structMap.getAttribute("ID"))
                    .as("CSIP83 structMap/@ID")
                    .isNotBlank();
            List<Element> top = nodes(x, structMap, "mets:div");
            softly.assertThat(top).as("CSIP84 one div in the structMap").hasSize(1);
            Element div = top.get(0);
            softly.assertThat(div.getAttribute("ID")).as("CSIP85 div/@ID").isNotBlank();
            softly.assertThat(div.getAttribute("LABEL"))
                    .as("div/@LABEL is the OBJID (CSIP86 of CSIP 2.0; CSIP 2.1 no longer asks it)")
                    .isEqualTo(objid);
            Element metadata = single(x, div, "mets:div[@LABEL='Metadata']");
            softly.assertThat(metadata)
                    .as("CSIP88/CSIP90 Metadata div, labelled Metadata")
                    .isNotNull();
            softly.assertThat(metadata == null ? null : metadata.getAttribute("ID"))
                    .as("CSIP89 Metadata div/@ID")
                    .isNotBlank();
            softly.assertThat(metadata == null ? null : metadata.getAttribute("ADMID"))
                    .as("CSIP91 Metadata div/@ADMID is the digiprovMD")
                    .isEqualTo(digiprov == null ? null : digiprov.getAttribute("ID"));
            softly.assertThat(metadata == null ? null : metadata.getAttribute("DMDID"))
                    .as("CSIP92 Metadata div/@DMDID is the dmdSec")
                    .isEqualTo(dmdSec == null ? null : dmdSec.getAttribute("ID"));
            Element documentation = single(x, div, "mets:div[@LABEL='Documentation']");
            softly.assertThat(documentation)
                    .as("CSIP93/CSIP95 Documentation div, labelled Documentation")
                    .isNotNull();
            softly.assertThat(documentation == null ? null : documentation.getAttribute("ID"))
                    .as("CSIP94 Documentation div/@ID")
                    .isNotBlank();
            softly.assertThat(text(x, div, "mets:div[@LABEL='Documentation']/mets:fptr/@FILEID"))
                    .as("CSIP96/CSIP116 Documentation div/fptr/@FILEID is the Documentation fileGrp")
                    .isEqualTo(text(x, fileSec, "mets:fileGrp[@USE='Documentation']/@ID"));
            Element rep1 = single(x, div, "mets:div[@LABEL='Representations/rep1']");
            softly.assertThat(rep1)
                    .as("CSIP105/CSIP107 representation div, labelled with its path")
                    .isNotNull();
            softly.assertThat(rep1 == null ? null : rep1.getAttribute("ID"))
                    .as("CSIP106 representation div/@ID")
                    .isNotBlank();
            softly.assertThat(text(x, div, "mets:div[@LABEL='Representations/rep1']/mets:mptr/@xlink:title"))
                    .as("CSIP108 representation div/mptr/@xlink:title is the Representations/rep1 fileGrp")
                    .isEqualTo(text(x, fileSec, "mets:fileGrp[@USE='Representations/rep1']/@ID"));
            softly.assertThat(text(x, div, "mets:div[@LABEL='Representations/rep1']/mets:mptr/@xlink:href"))
                    .as("CSIP109/CSIP110 representation div/mptr/@xlink:href is its METS")
                    .isEqualTo("representations/rep1/METS.xml");
            softly.assertThat(text(x, div, "mets:div[@LABEL='Representations/rep1']/mets:mptr/@xlink:type"))
                    .as("CSIP111 mptr/@xlink:type")
                    .isEqualTo("simple");
            softly.assertThat(text(x, div, "mets:div[@LABEL='Representations/rep1']/mets:mptr/@LOCTYPE"))
                    .as("CSIP112 mptr/@LOCTYPE")
                    .isEqualTo("URL");
            for (Element fptr : nodes(x, structMap, ".//mets:fptr")) {
                softly.assertThat(nodes(x, fileSec, "mets:fileGrp[@ID='" + fptr.getAttribute("FILEID") + "']"))
                        .as(
                                "fptr %s names a fileGrp of the fileSec (CSIP 2.1 points at groups)",
                                fptr.getAttribute("FILEID"))
                        .hasSize(1);
            }
        }

        // the representation's own METS
        Document representation = parse(files.get("representations/rep1/METS.xml"));
        Element repMets = representation.getDocumentElement();
        softly.assertThat(repMets.getAttribute("OBJID"))
                .as("CSIP1 representation mets/@OBJID is its folder")
                .isEqualTo("rep1");
        softly.assertThat(repMets.getAttribute("PROFILE"))
                .as("CSIP6 representation mets/@PROFILE")
                .isEqualTo(mets.getAttribute("PROFILE"));
        softly.assertThat(nodes(x, repMets, "mets:metsHdr/mets:agent[@OTHERTYPE='SOFTWARE']"))
                .as("CSIP10 representation agent")
                .isNotEmpty();
        Element repFileSec = single(x, repMets, "mets:fileSec");
        softly.assertThat(nodes(x, repFileSec, "mets:fileGrp[@USE='Data']/mets:file"))
                .as("representation fileGrp USE Data")
                .isNotEmpty();
        checkFiles(softly, x, repFileSec, "representations/rep1/");
        softly.assertThat(single(x, repMets, "mets:structMap[@TYPE='PHYSICAL' and @LABEL='CSIP']"))
                .as("CSIP80-CSIP82 representation structMap")
                .isNotNull();
        for (Element fptr : nodes(x, repMets, "mets:structMap//mets:fptr")) {
            softly.assertThat(nodes(x, repFileSec, "mets:fileGrp[@ID='" + fptr.getAttribute("FILEID") + "']"))
                    .as("representation fptr %s names a fileGrp of its fileSec", fptr.getAttribute("FILEID"))
                    .hasSize(1);
        }
        softly.assertAll();

        // every checksum matches its file, and every file is listed (the root METS lists itself nowhere)
        Set<String> listed = new HashSet<>(Set.of("METS.xml"));
        for (Element ref : nodes(x, mets, "//mets:mdRef")) {
            String href = ref.getAttributeNS(SipPackage.XLINK, "href");
            checksum(files, href, ref);
            listed.add(href);
        }
        for (Element file : nodes(x, mets, "//mets:file")) {
            String href = text(x, file, "mets:FLocat/@xlink:href");
            checksum(files, href, file);
            listed.add(href);
        }
        for (Element file : nodes(x, repMets, "//mets:file")) {
            String href = "representations/rep1/" + text(x, file, "mets:FLocat/@xlink:href");
            checksum(files, href, file);
            listed.add(href);
        }
        assertThat(files.keySet())
                .as("every file in the package is listed in a METS")
                .isEqualTo(listed);

        checkPremis(files, x);
    }

    /** The preservation metadata: every data file with its digest, the events that made them, their agents. */
    private void checkPremis(Map<String, byte[]> files, XPath x) throws Exception {
        Document premis = parse(files.get("metadata/preservation/premis.xml"));
        Element root = premis.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.loc.gov/premis/v3");
        assertThat(root.getAttribute("version")).isEqualTo("3.0");

        List<String> dataFiles = files.keySet().stream()
                .filter(f -> f.startsWith("representations/rep1/data/"))
                .toList();
        for (String path : dataFiles) {
            Element object = single(
                    x, root, "premis:object[premis:objectIdentifier/premis:objectIdentifierValue='" + path + "']");
            assertThat(object).as("PREMIS object for %s", path).isNotNull();
            assertThat(text(x, object, "premis:objectCharacteristics/premis:fixity/premis:messageDigestAlgorithm"))
                    .isEqualTo("SHA-256");
            assertThat(text(x, object, "premis:objectCharacteristics/premis:fixity/premis:messageDigest"))
                    .as("PREMIS digest of %s", path)
                    .isEqualToIgnoringCase(SipPackage.sha256(files.get(path)));
            assertThat(text(x, object, "premis:objectCharacteristics/premis:size"))
                    .isEqualTo(Integer.toString(files.get(path).length));
        }
        List<String> eventTypes = nodes(x, root, "premis:event/premis:eventType").stream()
                .map(Node::getTextContent)
                .toList();
        assertThat(eventTypes).contains("creation", "message digest calculation");
        Set<String> agents = new HashSet<>();
        for (Element agent : nodes(x, root, "premis:agent")) {
            agents.add(text(x, agent, "premis:agentIdentifier/premis:agentIdentifierValue"));
        }
        assertThat(nodes(x, root, "premis:agent/premis:agentType").stream().map(Node::getTextContent))
                .contains("software", "organization");
        for (Element event : nodes(x, root, "premis:event")) {
            assertThat(text(x, event, "premis:eventDateTime")).matches(v -> dateTime(v), "a date and time");
            assertThat(text(x, event, "premis:eventOutcomeInformation/premis:eventOutcome"))
                    .isEqualTo("success");
            assertThat(agents)
                    .as("the agent of event %s is described", text(x, event, "premis:eventType"))
                    .contains(text(x, event, "premis:linkingAgentIdentifier/premis:linkingAgentIdentifierValue"));
        }
        String digestEvent = "premis:event[premis:eventType='message digest calculation']";
        List<String> digested =
                nodes(x, root, digestEvent + "/premis:linkingObjectIdentifier/premis:linkingObjectIdentifierValue")
                        .stream()
                        .map(Node::getTextContent)
                        .toList();
        assertThat(digested).containsExactlyInAnyOrderElementsOf(dataFiles);

        Document dc = parse(files.get("metadata/descriptive/dc.xml"));
        assertThat(text(x, dc.getDocumentElement(), "dc:identifier"))
                .isEqualTo(parse(files.get("METS.xml")).getDocumentElement().getAttribute("OBJID"));
        assertThat(text(x, dc.getDocumentElement(), "dc:language")).isEqualTo("sv");
    }

    /** The feedback item's diarienummer as the kansli's own view shows it, read apart from the archive. */
    private String registrationNumber(String reference) {
        Object number =
                driver.as("karin").get("/api/feedback/" + reference).json().get("registrationNumber");
        assertThat(number).as("registrationNumber of %s", reference).isInstanceOf(String.class);
        return (String) number;
    }

    private static List<String> dcIdentifiers(Map<String, byte[]> files) throws Exception {
        Document dc = parse(files.get("metadata/descriptive/dc.xml"));
        return nodes(xpath(), dc.getDocumentElement(), "dc:identifier").stream()
                .map(Node::getTextContent)
                .toList();
    }

    private void checkMdRef(SoftAssertions softly, Element ref, String where, String mdType) {
        softly.assertThat(ref).as(where).isNotNull();
        if (ref == null) {
            return;
        }
        softly.assertThat(ref.getAttribute("LOCTYPE")).as(where + " @LOCTYPE").isEqualTo("URL");
        softly.assertThat(ref.getAttributeNS(SipPackage.XLINK, "type"))
                .as(where + " @xlink:type")
                .isEqualTo("simple");
        softly.assertThat(ref.getAttributeNS(SipPackage.XLINK, "href"))
                .as(where + " @xlink:href")
                .isNotBlank();
        softly.assertThat(ref.getAttribute("MDTYPE")).as(where + " @MDTYPE").isEqualTo(mdType);
        softly.assertThat(ref.getAttribute("MIMETYPE")).as(where + " @MIMETYPE").isEqualTo("text/xml");
        softly.assertThat(ref.getAttribute("SIZE")).as(where + " @SIZE").matches("[0-9]+");
        softly.assertThat(dateTime(ref.getAttribute("CREATED")))
                .as(where + " @CREATED")
                .isTrue();
        softly.assertThat(ref.getAttribute("CHECKSUM")).as(where + " @CHECKSUM").matches("[0-9A-F]{64}");
        softly.assertThat(ref.getAttribute("CHECKSUMTYPE"))
                .as(where + " @CHECKSUMTYPE")
                .isEqualTo("SHA-256");
    }

    private void checkFiles(SoftAssertions softly, XPath x, Element fileSec, String folder) throws Exception {
        for (Element file : nodes(x, fileSec, ".//mets:file")) {
            String id = file.getAttribute("ID");
            softly.assertThat(id).as("CSIP67 file/@ID").isNotBlank();
            softly.assertThat(file.getAttribute("MIMETYPE"))
                    .as("CSIP68 file/@MIMETYPE of %s", id)
                    .isNotBlank();
            softly.assertThat(file.getAttribute("SIZE"))
                    .as("CSIP69 file/@SIZE of %s", id)
                    .matches("[0-9]+");
            softly.assertThat(dateTime(file.getAttribute("CREATED")))
                    .as("CSIP70 file/@CREATED of %s", id)
                    .isTrue();
            softly.assertThat(file.getAttribute("CHECKSUM"))
                    .as("CSIP71 file/@CHECKSUM of %s", id)
                    .matches("[0-9A-F]{64}");
            softly.assertThat(file.getAttribute("CHECKSUMTYPE"))
                    .as("CSIP72 file/@CHECKSUMTYPE of %s", id)
                    .isEqualTo("SHA-256");
            Element location = single(x, file, "mets:FLocat");
            softly.assertThat(location).as("CSIP76 file/FLocat of %s", id).isNotNull();
            if (location != null) {
                softly.assertThat(location.getAttribute("LOCTYPE"))
                        .as("CSIP77 FLocat/@LOCTYPE")
                        .isEqualTo("URL");
                softly.assertThat(location.getAttributeNS(SipPackage.XLINK, "type"))
                        .as("CSIP78 FLocat/@xlink:type")
                        .isEqualTo("simple");
                softly.assertThat(location.getAttributeNS(SipPackage.XLINK, "href"))
                        .as(
                                "CSIP79 FLocat/@xlink:href of %s, relative to %s",
                                id, folder.isEmpty() ? "the package" : folder)
                        .isNotBlank()
                        .doesNotStartWith("/");
            }
        }
    }

    private static void checksum(Map<String, byte[]> files, String href, Element listed) {
        assertThat(files).as("listed file %s is in the package", href).containsKey(href);
        assertThat(listed.getAttribute("CHECKSUM"))
                .as("SHA-256 of %s", href)
                .isEqualTo(SipPackage.sha256(files.get(href)));
        assertThat(listed.getAttribute("SIZE"))
                .as("size of %s", href)
                .isEqualTo(Integer.toString(files.get(href).length));
    }

    // --- HTTP, ZIP and XML

    private String openRevisionOf(String guidanceId) {
        String reference = driver.submit("anna", guidanceId, null, "2", "GAP", "Arkivprov: öppen revision.");
        driver.route(reference, "expert-architecture");
        driver.review("erik", reference, "ACCEPTED", "Tas med.");
        return driver.openRevision(guidanceId);
    }

    private Map<String, byte[]> download(String user, String path) throws Exception {
        byte[] zip = fetchOk(user, path);
        Map<String, byte[]> files = new LinkedHashMap<>();
        String objid = path.substring(path.lastIndexOf('/') + 1);
        unzip(zip).forEach((name, content) -> {
            assertThat(name)
                    .as("CSIPSTR1 everything in one folder named by the OBJID")
                    .startsWith(objid + "/");
            files.put(name.substring(objid.length() + 1), content);
        });
        return files;
    }

    private byte[] fetchOk(String user, String path) {
        HttpAgent.Download response = fetch(user, path);
        assertThat(response.status()).as("%s %s", path, response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValue("application/zip");
        return response.body();
    }

    /** The file as the user (basic authentication; null: nobody signed in) gets it. */
    private HttpAgent.Download fetch(String user, String path) {
        return (user == null ? HttpAgent.anonymous(base) : HttpAgent.basic(base, user, user)).download(path);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(files).as("one entry per file").doesNotContainKey(entry.getName());
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        Map<String, String> namespaces = Map.of(
                "mets", SipPackage.METS,
                "csip", SipPackage.CSIP,
                "xlink", SipPackage.XLINK,
                "premis", "http://www.loc.gov/premis/v3",
                "dc", SipPackage.DC);
        x.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return namespaces.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return x;
    }

    private static List<Element> nodes(XPath x, Node context, String expression) throws Exception {
        NodeList list = (NodeList) x.evaluate(expression, context, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    private static Element single(XPath x, Node context, String expression) throws Exception {
        List<Element> found = nodes(x, context, expression);
        return found.size() == 1 ? found.get(0) : null;
    }

    private static String text(XPath x, Node context, String expression) throws Exception {
        return (String) x.evaluate(expression, context, XPathConstants.STRING);
    }

    private static boolean dateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
