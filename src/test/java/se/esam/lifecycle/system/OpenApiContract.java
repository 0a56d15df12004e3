package se.esam.lifecycle.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import se.esam.lifecycle.support.HttpAgent;

/**
 * An OpenAPI document as a test's judge of real answers (swagger-request-validator): each response
 * against the operation its request went to, by status, content type and body schema. Properties a
 * schema does not list are allowed, as OpenAPI means by default.
 */
final class OpenApiContract {

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final OpenAPI api;

    private OpenApiContract(String json, String basePath, LevelResolver levels) {
        this.api = parse(json);
        // the validator reads the document itself: it resolves shared responses ($ref), which a model does not
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .withBasePathOverride(basePath)
                .withLevelResolver(levels)
                .build();
        this.schemas = new SchemaValidator(api, new MessageResolver(levels));
    }

    /** Every status must be documented for its operation. */
    static OpenApiContract strict(String json, String basePath) {
        return new OpenApiContract(
                json,
                basePath,
                LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build());
    }

    /**
     * Statuses the document does not list for an operation are let through here; the caller checks their
     * body against a schema of its choosing ({@link #violationsOf(HttpAgent.Response, String)}).
     */
    static OpenApiContract allowingUndocumentedStatuses(String json, String basePath) {
        return new OpenApiContract(
                json,
                basePath,
                LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                        .build());
    }

    /** What in the response breaks the contract of its operation; empty when it keeps it. */
    List<String> violationsOf(HttpAgent.Response response) {
        String path = response.path().split("\\?", 2)[0];
        Request.Method method = Request.Method.valueOf(response.method().toUpperCase(Locale.ROOT));
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.header("Content-Type").ifPresent(type -> answer.withContentType(type));
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        return messages(validator.validateResponse(path, method, answer.build()));
    }

    /** What in the response's body breaks the named component schema; empty when it keeps it. */
    List<String> violationsOf(HttpAgent.Response response, String componentSchema) {
        Schema<?> schema = api.getComponents().getSchemas().get(componentSchema);
        if (schema == null) {
            return List.of("no schema " + componentSchema + " in the document");
        }
        return messages(schemas.validate(response.body(), schema, "response.body"));
    }

    private static List<String> messages(ValidationReport report) {
        List<String> messages = new ArrayList<>();
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> messages.add(m.getKey() + ": " + m.getMessage()));
        return messages;
    }

    private static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(json, null, options).getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("Not an OpenAPI document");
        }
        return api;
    }
}
