package se.esam.lifecycle.system;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The error responses our API documents, as the OpenAPI document's shared components: the
 * controllers name the ones each operation really gives ({@code @ApiResponse(ref = ...)}), and each is
 * an RFC 9457 problem detail ({@code application/problem+json}), as {@link ErrorDialect} and
 * {@code ProblemDetails} write them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    /** The names the controllers refer to, with {@code #/components/responses/} before them. */
    static final Map<String, String> RESPONSES = Map.of(
            "BadRequest", "Ogiltiga uppgifter; errors namnger fälten",
            "Unauthorized", "Inte inloggad",
            "Forbidden", "Inte tillåtet för den inloggade",
            "NotFound", "Finns inte (eller syns inte för den inloggade)",
            "Conflict", "Krockar med en samtidig eller tidigare ändring",
            "PayloadTooLarge", "Begäran är för stor");

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(components);
            components.addSchemas("Problem", problemSchema());
            RESPONSES.forEach((name, description) -> components.addResponses(
                    name,
                    new ApiResponse()
                            .description(description)
                            .content(new Content()
                                    .addMediaType(
                                            "application/problem+json",
                                            new MediaType()
                                                    .schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> error =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem detail; title and detail in Swedish")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(error))
                .required(java.util.List.of("title", "status"));
    }
}
