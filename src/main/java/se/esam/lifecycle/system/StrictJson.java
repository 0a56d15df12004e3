package se.esam.lifecycle.system;

import java.io.IOException;
import java.util.Arrays;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Request bodies mean exactly what they say: a text is a JSON string (not a number or boolean made
 * into one) and an enum is one of its names, as written (not its ordinal, not with spaces around it).
 * Duplicate keys, trailing tokens and unknown properties are refused by the {@code spring.jackson} keys
 * in application.yaml.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.modulesToInstall(modules -> modules.add(exactEnums()))
                .postConfigurer(mapper -> {
                    for (CoercionInputShape shape : new CoercionInputShape[] {
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
                    }) {
                        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
                    }
                });
    }

    private static SimpleModule exactEnums() {
        SimpleModule module = new SimpleModule("exact-enums");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass());
            }
        });
        return module;
    }

    /** Jackson's own enum reading trims the text and takes numbers as ordinals; this one takes names only. */
    static final class ExactEnum extends StdScalarDeserializer<Enum<?>> {

        private final Enum<?>[] constants;

        ExactEnum(Class<?> type) {
            super(type);
            this.constants = (Enum<?>[]) type.getEnumConstants();
        }

        @Override
        public Enum<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            for (Enum<?> constant : constants) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            throw InvalidFormatException.from(
                    p, "Not one of " + Arrays.toString(constants), p.getText(), handledType());
        }
    }
}
