package se.esam.lifecycle.guidance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings documents and versions from {@code config/catalogue.yaml} into the database. What is already
 * stored is never changed: once published, a version is history.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);

    private final CatalogueProperties catalogue;
    private final JdbcClient jdbc;

    CatalogueLoader(CatalogueProperties catalogue, JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = 0;
        for (CatalogueProperties.Document document : catalogue.documents()) {
            boolean known = jdbc.sql("select count(*) from guidance_document where id = ?")
                            .param(document.id())
                            .query(Integer.class)
                            .single()
                    > 0;
            if (!known) {
                jdbc.sql("insert into guidance_document (id, title, summary, owning_group) values (?, ?, ?, ?)")
                        .params(document.id(), document.title(), document.summary(), document.owningGroup())
                        .update();
            }
            // the review period is configuration, not history: it follows the file
            jdbc.sql("update guidance_document set review_period_months = ? where id = ?")
                    .params(document.reviewPeriodMonths(), document.id())
                    .update();
            for (CatalogueProperties.Version version : document.versions()) {
                boolean versionKnown =
                        jdbc.sql("select count(*) from guidance_version where document_id = ? and version_number = ?")
                                        .params(document.id(), version.number())
                                        .query(Integer.class)
                                        .single()
                                > 0;
                if (versionKnown) {
                    continue;
                }
                jdbc.sql("insert into guidance_version (document_id, version_number, published_on) values (?, ?, ?)")
                        .params(document.id(), version.number(), version.published())
                        .update();
                int position = 0;
                for (CatalogueProperties.Section section : version.sections()) {
                    jdbc.sql("""
                            insert into guidance_section (document_id, version_number, section_id, title, body, position)
                            values (?, ?, ?, ?, ?, ?)""")
                            .params(
                                    document.id(),
                                    version.number(),
                                    section.id(),
                                    section.title(),
                                    section.body(),
                                    position++)
                            .update();
                }
                added++;
            }
        }
        if (added > 0) {
            log.info("Guidance catalogue: {} published versions added from configuration", added);
        }
    }
}
