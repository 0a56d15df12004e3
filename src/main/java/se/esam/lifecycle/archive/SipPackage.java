package se.esam.lifecycle.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One E-ARK SIP (CSIP 2.x with the SIP profile, as Riksarkivet's FGS Paketstruktur 2.0 takes it): a folder
 * named by the package's OBJID with the root METS.xml, descriptive metadata (Dublin Core), preservation
 * metadata (PREMIS 3), documentation and one representation with its own METS. Every file but the root
 * METS is listed in a METS with its size, creation time and SHA-256; the data files' digests are also in
 * PREMIS, with the events and agents that made them.
 */
final class SipPackage {

    static final String METS = "http://www.loc.gov/METS/";
    static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    static final String SIP = "https://DILCIS.eu/XML/METS/SIPExtensionMETS";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String PREMIS = "http://www.loc.gov/premis/v3";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml";
    private static final String SCHEMA_LOCATIONS = METS + " https://www.loc.gov/standards/mets/mets.xsd " + XLINK
            + " https://www.loc.gov/standards/mets/xlink.xsd " + CSIP
            + " https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd " + SIP
            + " https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd";

    /** A file of the records, in an open format. */
    record DataFile(String name, String mimeType, byte[] content) {}

    /**
     * What a package says about itself.
     *
     * @param objid the package's identifier and folder name
     * @param label what the case is, in Swedish (ärendemening)
     * @param otherType the content category, outside CSIP's vocabulary
     * @param createdAt when the case began (the records' own creation, for PREMIS)
     * @param registrationNumber the case's diarienummer, a second dc:identifier; null when it has none
     */
    record Description(
            String objid,
            String label,
            String otherType,
            String title,
            String subject,
            String caseDescription,
            Instant createdAt,
            Instant closedAt,
            String registrationNumber) {

        Description(
                String objid,
                String label,
                String otherType,
                String title,
                String subject,
                String caseDescription,
                Instant createdAt,
                Instant closedAt) {
            this(objid, label, otherType, title, subject, caseDescription, createdAt, closedAt, null);
        }
    }

    /** Who and what made the package: the organisation (arkivbildare) and this software. */
    record Producer(String organisation, String organisationId, String software, String softwareVersion) {}

    private final Description description;
    private final Producer producer;
    private final Instant now;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private SipPackage(Description description, Producer producer, Instant now) {
        this.description = description;
        this.producer = producer;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The package's files by their paths inside the package folder; METS.xml first. */
    static Map<String, byte[]> build(Description description, Producer producer, Instant now, List<DataFile> data) {
        return new SipPackage(description, producer, now).assemble(data);
    }

    /** The package as a ZIP: one folder, the OBJID, holding everything. */
    static void zip(String objid, Map<String, byte[]> files, ZipOutputStream zip) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            zip.putNextEntry(new ZipEntry(objid + "/" + file.getKey()));
            zip.write(file.getValue());
            zip.closeEntry();
        }
    }

    static void zip(String objid, Map<String, byte[]> files, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip(objid, files, zip);
        }
    }

    private Map<String, byte[]> assemble(List<DataFile> data) {
        Map<String, byte[]> dataFiles = new LinkedHashMap<>();
        Map<String, String> mimeTypes = new LinkedHashMap<>();
        for (DataFile file : data) {
            dataFiles.put("representations/rep1/data/" + file.name(), file.content());
            mimeTypes.put("representations/rep1/data/" + file.name(), file.mimeType());
        }
        byte[] representationMets = representationMets(dataFiles, mimeTypes);
        byte[] premis = premis(dataFiles, mimeTypes);
        byte[] dc = dublinCore();
        byte[] readme = documentation().getBytes(StandardCharsets.UTF_8);

        Map<String, byte[]> rest = new LinkedHashMap<>();
        rest.put("metadata/descriptive/dc.xml", dc);
        rest.put("metadata/preservation/premis.xml", premis);
        rest.put("documentation/om-paketet.txt", readme);
        rest.put("representations/rep1/METS.xml", representationMets);
        rest.putAll(dataFiles);

        files.put("METS.xml", rootMets(dc, premis, readme, representationMets));
        files.putAll(rest);
        return files;
    }

    // --- the root METS

    private byte[] rootMets(byte[] dc, byte[] premis, byte[] readme, byte[] representationMets) {
        Document doc = document();
        Element mets = metsRoot(doc, description.objid(), description.label());
        mets.appendChild(header(doc, true));

        Element dmdSec = child(doc, mets, "dmdSec");
        dmdSec.setAttribute("ID", "dmd-dc");
        dmdSec.setAttribute("CREATED", now.toString());
        dmdSec.setAttribute("STATUS", "CURRENT");
        dmdSec.appendChild(mdRef(doc, "metadata/descriptive/dc.xml", "DC", dc));

        Element amdSec = child(doc, mets, "amdSec");
        amdSec.setAttribute("ID", "amd");
        Element digiprov = child(doc, amdSec, "digiprovMD");
        digiprov.setAttribute("ID", "digiprov-premis");
        digiprov.setAttribute("CREATED", now.toString());
        digiprov.setAttribute("STATUS", "CURRENT");
        digiprov.appendChild(mdRef(doc, "metadata/preservation/premis.xml", "PREMIS", premis));

        Element fileSec = child(doc, mets, "fileSec");
        fileSec.setAttribute("ID", "filesec");
        Element documentation = fileGrp(doc, fileSec, "fg-documentation", "Documentation");
        documentation.appendChild(
                file(doc, "file-documentation-1", "documentation/om-paketet.txt", "text/plain", readme));
        Element representations = fileGrp(doc, fileSec, "fg-rep1", "Representations/rep1");
        representations.appendChild(
                file(doc, "file-rep1-mets", "representations/rep1/METS.xml", "application/xml", representationMets));

        Element structMap = child(doc, mets, "structMap");
        structMap.setAttribute("ID", "structmap-csip");
        structMap.setAttribute("TYPE", "PHYSICAL");
        structMap.setAttribute("LABEL", "CSIP");
        Element root = div(doc, structMap, "div-root", description.objid());
        Element metadata = div(doc, root, "div-metadata", "Metadata");
        metadata.setAttribute("DMDID", "dmd-dc");
        metadata.setAttribute("ADMID", "digiprov-premis");
        // CSIP 2.1 (CSIP96, CSIP116, CSIP108, CSIP119): a division points at its file group, not its files
        Element documentationDiv = div(doc, root, "div-documentation", "Documentation");
        fptr(doc, documentationDiv, "fg-documentation");
        Element rep1 = div(doc, root, "div-rep1", "Representations/rep1");
        Element mptr = child(doc, rep1, "mptr");
        mptr.setAttribute("LOCTYPE", "URL");
        mptr.setAttributeNS(XLINK, "xlink:type", "simple");
        mptr.setAttributeNS(XLINK, "xlink:href", "representations/rep1/METS.xml");
        mptr.setAttributeNS(XLINK, "xlink:title", "fg-rep1");
        fptr(doc, rep1, "fg-rep1");
        return serialise(doc);
    }

    // --- the representation's METS

    private byte[] representationMets(Map<String, byte[]> dataFiles, Map<String, String> mimeTypes) {
        Document doc = document();
        Element mets = metsRoot(doc, "rep1", description.label());
        mets.appendChild(header(doc, false));
        Element fileSec = child(doc, mets, "fileSec");
        fileSec.setAttribute("ID", "rep1-filesec");
        Element data = fileGrp(doc, fileSec, "rep1-fg-data", "Data");
        int n = 0;
        for (Map.Entry<String, byte[]> file : dataFiles.entrySet()) {
            String id = "rep1-file-" + ++n;
            String relative = file.getKey().substring("representations/rep1/".length());
            data.appendChild(file(doc, id, relative, mimeTypes.get(file.getKey()), file.getValue()));
        }
        Element structMap = child(doc, mets, "structMap");
        structMap.setAttribute("ID", "rep1-structmap");
        structMap.setAttribute("TYPE", "PHYSICAL");
        structMap.setAttribute("LABEL", "CSIP");
        Element root = div(doc, structMap, "rep1-div-root", "rep1");
        Element dataDiv = div(doc, root, "rep1-div-data", "Data");
        fptr(doc, dataDiv, "rep1-fg-data");
        return serialise(doc);
    }

    private Element metsRoot(Document doc, String objid, String label) {
        Element mets = doc.createElementNS(METS, "mets:mets");
        doc.appendChild(mets);
        mets.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:csip", CSIP);
        mets.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:sip", SIP);
        mets.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xlink", XLINK);
        mets.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
        mets.setAttributeNS(XSI, "xsi:schemaLocation", SCHEMA_LOCATIONS);
        mets.setAttribute("OBJID", objid);
        mets.setAttribute("LABEL", label);
        mets.setAttribute("TYPE", "Other");
        mets.setAttributeNS(CSIP, "csip:OTHERTYPE", description.otherType());
        // no CITS fits (ERMS would need its own descriptive metadata): the application's own structure, named
        mets.setAttributeNS(CSIP, "csip:CONTENTINFORMATIONTYPE", "OTHER");
        mets.setAttributeNS(CSIP, "csip:OTHERCONTENTINFORMATIONTYPE", "esam-guidance-lifecycle");
        mets.setAttribute("PROFILE", PROFILE);
        return mets;
    }

    private Element header(Document doc, boolean root) {
        Element header = doc.createElementNS(METS, "mets:metsHdr");
        header.setAttribute("CREATEDATE", now.toString());
        header.setAttribute("LASTMODDATE", now.toString());
        header.setAttribute("RECORDSTATUS", "NEW");
        header.setAttributeNS(CSIP, "csip:OAISPACKAGETYPE", "SIP");
        if (root) {
            header.appendChild(
                    agent(doc, "CREATOR", "ORGANIZATION", null, producer.organisation(), organisationNote()));
            header.appendChild(
                    agent(doc, "ARCHIVIST", "ORGANIZATION", null, producer.organisation(), organisationNote()));
        }
        Element software = agent(doc, "CREATOR", "OTHER", "SOFTWARE", producer.software(), null);
        Element version = child(doc, software, "note");
        version.setTextContent(producer.softwareVersion());
        version.setAttributeNS(CSIP, "csip:NOTETYPE", "SOFTWARE VERSION");
        header.appendChild(software);
        return header;
    }

    private String organisationNote() {
        return producer.organisationId() == null || producer.organisationId().isBlank()
                ? null
                : producer.organisationId();
    }

    private Element agent(Document doc, String role, String type, String otherType, String name, String id) {
        Element agent = doc.createElementNS(METS, "mets:agent");
        agent.setAttribute("ROLE", role);
        agent.setAttribute("TYPE", type);
        if (otherType != null) {
            agent.setAttribute("OTHERTYPE", otherType);
        }
        child(doc, agent, "name").setTextContent(name);
        if (id != null) {
            Element note = child(doc, agent, "note");
            note.setTextContent(id);
            note.setAttributeNS(CSIP, "csip:NOTETYPE", "IDENTIFICATIONCODE");
        }
        return agent;
    }

    private Element mdRef(Document doc, String href, String mdType, byte[] content) {
        Element ref = doc.createElementNS(METS, "mets:mdRef");
        ref.setAttribute("LOCTYPE", "URL");
        ref.setAttributeNS(XLINK, "xlink:type", "simple");
        ref.setAttributeNS(XLINK, "xlink:href", href);
        ref.setAttribute("MDTYPE", mdType);
        ref.setAttribute("MIMETYPE", "text/xml");
        ref.setAttribute("SIZE", Long.toString(content.length));
        ref.setAttribute("CREATED", now.toString());
        ref.setAttribute("CHECKSUM", sha256(content));
        ref.setAttribute("CHECKSUMTYPE", "SHA-256");
        return ref;
    }

    private Element fileGrp(Document doc, Element fileSec, String id, String use) {
        Element group = child(doc, fileSec, "fileGrp");
        group.setAttribute("ID", id);
        group.setAttribute("USE", use);
        return group;
    }

    private Element file(Document doc, String id, String href, String mimeType, byte[] content) {
        Element file = doc.createElementNS(METS, "mets:file");
        file.setAttribute("ID", id);
        file.setAttribute("MIMETYPE", mimeType);
        file.setAttribute("SIZE", Long.toString(content.length));
        file.setAttribute("CREATED", now.toString());
        file.setAttribute("CHECKSUM", sha256(content));
        file.setAttribute("CHECKSUMTYPE", "SHA-256");
        Element location = child(doc, file, "FLocat");
        location.setAttribute("LOCTYPE", "URL");
        location.setAttributeNS(XLINK, "xlink:type", "simple");
        location.setAttributeNS(XLINK, "xlink:href", href);
        return file;
    }

    private Element div(Document doc, Element parent, String id, String label) {
        Element div = child(doc, parent, "div");
        div.setAttribute("ID", id);
        div.setAttribute("LABEL", label);
        return div;
    }

    private void fptr(Document doc, Element div, String fileId) {
        child(doc, div, "fptr").setAttribute("FILEID", fileId);
    }

    private static Element child(Document doc, Element parent, String name) {
        Element child = doc.createElementNS(METS, "mets:" + name);
        parent.appendChild(child);
        return child;
    }

    // --- PREMIS: the data files with their digests, what was done to them, by whom

    private byte[] premis(Map<String, byte[]> dataFiles, Map<String, String> mimeTypes) {
        Document doc = document();
        Element premis = doc.createElementNS(PREMIS, "premis:premis");
        premis.setAttribute("version", "3.0");
        premis.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
        premis.setAttributeNS(XSI, "xsi:schemaLocation", PREMIS + " https://www.loc.gov/standards/premis/premis.xsd");
        doc.appendChild(premis);

        Element representation = premisChild(doc, premis, "object");
        representation.setAttributeNS(XSI, "xsi:type", "premis:representation");
        identifier(doc, representation, "objectIdentifier", "local", "rep1");
        List<String> files = new ArrayList<>(dataFiles.keySet());
        for (String path : files) {
            Element object = premisChild(doc, premis, "object");
            object.setAttributeNS(XSI, "xsi:type", "premis:file");
            identifier(doc, object, "objectIdentifier", "local", path);
            Element characteristics = premisChild(doc, object, "objectCharacteristics");
            premisChild(doc, characteristics, "compositionLevel").setTextContent("0");
            Element fixity = premisChild(doc, characteristics, "fixity");
            premisChild(doc, fixity, "messageDigestAlgorithm").setTextContent("SHA-256");
            premisChild(doc, fixity, "messageDigest").setTextContent(sha256(dataFiles.get(path)));
            premisChild(doc, fixity, "messageDigestOriginator").setTextContent(producer.software());
            premisChild(doc, characteristics, "size").setTextContent(Long.toString(dataFiles.get(path).length));
            Element format = premisChild(doc, characteristics, "format");
            Element designation = premisChild(doc, format, "formatDesignation");
            premisChild(doc, designation, "formatName").setTextContent(mimeTypes.get(path));
            Element relationship = premisChild(doc, object, "relationship");
            premisChild(doc, relationship, "relationshipType").setTextContent("structural");
            premisChild(doc, relationship, "relationshipSubType").setTextContent("is included in");
            identifier(doc, relationship, "relatedObjectIdentifier", "local", "rep1");
        }

        event(
                doc,
                premis,
                "event-creation",
                "creation",
                description.createdAt(),
                "Ärendet " + description.objid() + " skapades i " + producer.software() + ".",
                "agent-organisation",
                "implementer",
                List.of());
        event(
                doc,
                premis,
                "event-export",
                "creation",
                now,
                "Ärendets handlingar skrevs ut i öppna format (JSON och text, UTF-8) för arkivleverans.",
                "agent-software",
                "executing program",
                files);
        event(
                doc,
                premis,
                "event-digest",
                "message digest calculation",
                now,
                "SHA-256 beräknades för varje fil i paketet.",
                "agent-software",
                "executing program",
                files);

        Element organisation = premisChild(doc, premis, "agent");
        identifier(doc, organisation, "agentIdentifier", "local", "agent-organisation");
        premisChild(doc, organisation, "agentName").setTextContent(producer.organisation());
        premisChild(doc, organisation, "agentType").setTextContent("organization");
        Element software = premisChild(doc, premis, "agent");
        identifier(doc, software, "agentIdentifier", "local", "agent-software");
        premisChild(doc, software, "agentName").setTextContent(producer.software());
        premisChild(doc, software, "agentType").setTextContent("software");
        premisChild(doc, software, "agentVersion").setTextContent(producer.softwareVersion());
        return serialise(doc);
    }

    private void event(
            Document doc,
            Element premis,
            String id,
            String type,
            Instant at,
            String detail,
            String agent,
            String role,
            List<String> objects) {
        Element event = premisChild(doc, premis, "event");
        identifier(doc, event, "eventIdentifier", "local", id);
        premisChild(doc, event, "eventType").setTextContent(type);
        premisChild(doc, event, "eventDateTime")
                .setTextContent(at.truncatedTo(ChronoUnit.SECONDS).toString());
        Element information = premisChild(doc, event, "eventDetailInformation");
        premisChild(doc, information, "eventDetail").setTextContent(detail);
        Element outcome = premisChild(doc, event, "eventOutcomeInformation");
        premisChild(doc, outcome, "eventOutcome").setTextContent("success");
        Element linkingAgent = identifier(doc, event, "linkingAgentIdentifier", "local", agent);
        premisChild(doc, linkingAgent, "linkingAgentRole").setTextContent(role);
        for (String object : objects) {
            identifier(doc, event, "linkingObjectIdentifier", "local", object);
        }
    }

    /** PREMIS names an identifier's parts after the identifier: objectIdentifierType, objectIdentifierValue. */
    private Element identifier(Document doc, Element parent, String name, String type, String value) {
        Element identifier = premisChild(doc, parent, name);
        String stem = name.startsWith("related")
                ? "relatedObjectIdentifier"
                : name.startsWith("linkingAgent")
                        ? "linkingAgentIdentifier"
                        : name.startsWith("linkingObject") ? "linkingObjectIdentifier" : name;
        premisChild(doc, identifier, stem + "Type").setTextContent(type);
        premisChild(doc, identifier, stem + "Value").setTextContent(value);
        return identifier;
    }

    private static Element premisChild(Document doc, Element parent, String name) {
        Element child = doc.createElementNS(PREMIS, "premis:" + name);
        parent.appendChild(child);
        return child;
    }

    // --- descriptive metadata and documentation

    private byte[] dublinCore() {
        Document doc = document();
        Element dc = doc.createElementNS(OAI_DC, "oai_dc:dc");
        dc.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:dc", DC);
        doc.appendChild(dc);
        dcElement(doc, dc, "identifier", description.objid());
        if (description.registrationNumber() != null) {
            // the number the agency's diarium and the archive search by; the FB/REV reference is the case's own
            dcElement(doc, dc, "identifier", description.registrationNumber());
        }
        dcElement(doc, dc, "title", description.title());
        dcElement(doc, dc, "creator", producer.organisation());
        dcElement(doc, dc, "subject", description.subject());
        dcElement(doc, dc, "description", description.caseDescription());
        dcElement(
                doc,
                dc,
                "date",
                // the case's period; its close is unknown for rows older than the column that says when
                description.createdAt().truncatedTo(ChronoUnit.SECONDS) + "/"
                        + (description.closedAt() == null
                                ? ""
                                : description.closedAt().truncatedTo(ChronoUnit.SECONDS)));
        dcElement(doc, dc, "type", description.otherType());
        dcElement(doc, dc, "format", "application/json; text/plain");
        dcElement(doc, dc, "language", "sv");
        return serialise(doc);
    }

    private static void dcElement(Document doc, Element parent, String name, String value) {
        if (value != null) {
            Element element = doc.createElementNS(DC, "dc:" + name);
            element.setTextContent(value);
            parent.appendChild(element);
        }
    }

    private String documentation() {
        return """
                Arkivpaket %s%s
                %s

                Paketet följer E-ARK CSIP 2 med SIP-profilen (Riksarkivets FGS Paketstruktur 2.0).
                METS.xml                         paketets struktur och kontrollsummor (SHA-256)
                metadata/descriptive/dc.xml      beskrivning (Dublin Core)
                metadata/preservation/premis.xml bevarandemetadata (PREMIS 3): filer, händelser, agenter
                representations/rep1/METS.xml    representationens filer med kontrollsummor
                representations/rep1/data/       handlingarna: JSON (maskinläsbart) och text (UTF-8, för läsning)

                Skapat %s av %s %s för %s.
                """.formatted(
                description.objid(),
                description.registrationNumber() == null ? "" : ", diarienummer " + description.registrationNumber(),
                description.label(),
                now,
                producer.software(),
                producer.softwareVersion(),
                producer.organisation());
    }

    // --- XML and digests

    private static Document document() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] serialise(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
