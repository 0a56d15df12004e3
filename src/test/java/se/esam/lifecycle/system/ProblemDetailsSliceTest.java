package se.esam.lifecycle.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.DeserializationFeature;

/**
 * The problem-detail mapping alone: the real {@link ProblemDetails} advice in front of a controller
 * that fails on purpose, in MockMvc without the application, database or engine (a second, not a
 * context start). What users see of the same mapping over real HTTP stays in ErrorDialectIT and the
 * other integration tests; this layer pins each status and its Swedish text cheaply.
 */
class ProblemDetailsSliceTest {

    private static final int LIMIT = 64;

    private MockMvc mvc;

    @BeforeEach
    void mvc() {
        var json = Jackson2ObjectMapperBuilder.json()
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        mvc = MockMvcBuilders.standaloneSetup(new Failing())
                .setControllerAdvice(new ProblemDetails())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(json))
                .addFilters(new BodyLimit())
                .build();
    }

    @Test
    void invalidInputIs400NamingTheField() throws Exception {
        mvc.perform(get("/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Ogiltiga uppgifter"))
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value("Beskrivningen saknas."));
    }

    @Test
    void aBeanValidationFailureIs400NamingTheField() throws Exception {
        mvc.perform(post("/items").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ogiltiga uppgifter"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void anUnknownPropertyIs400NamingIt() throws Exception {
        mvc.perform(post("/items").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"admin\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("admin"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Okänt fält")));
    }

    @Test
    void aBodyThatIsNotJsonIs400ForTheBody() throws Exception {
        mvc.perform(post("/items").contentType(MediaType.APPLICATION_JSON).content("{name"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ogiltig begäran"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void notFoundIs404WithItsReason() throws Exception {
        mvc.perform(get("/things/FB-2026-9999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Hittades inte"))
                .andExpect(jsonPath("$.detail").value("Synpunkten FB-2026-9999 finns inte."));
    }

    @Test
    void aClashIs409WithItsReason() throws Exception {
        mvc.perform(get("/clash"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Krock"))
                .andExpect(jsonPath("$.detail").value("Versionen är redan publicerad."));
    }

    @Test
    void aBodyPastTheLimitIs413() throws Exception {
        mvc.perform(post("/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "x".repeat(LIMIT * 2) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.title").value("För stor begäran"))
                .andExpect(jsonPath("$.detail").value(containsString(String.valueOf(LIMIT))));
    }

    @Test
    void anUnexpectedErrorIs500WithoutItsInternals() throws Exception {
        mvc.perform(get("/crash"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("Internt fel"))
                .andExpect(jsonPath("$.detail").value("Ett oväntat fel inträffade. Det är loggat; försök igen senare."))
                .andExpect(content().string(not(containsString("secret-table"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("at se.esam"))));
    }

    record Item(@NotBlank String name) {}

    @RestController
    static class Failing {

        @GetMapping("/invalid")
        String invalid() {
            throw new InvalidInputException("description", "Beskrivningen saknas.");
        }

        @PostMapping("/items")
        String create(@Valid @RequestBody Item item) {
            return item.name();
        }

        @GetMapping("/things/{reference}")
        String thing(@PathVariable String reference) {
            throw new NotFoundException("Synpunkten " + reference + " finns inte.");
        }

        @GetMapping("/clash")
        String clash() {
            throw new ConflictException("Versionen är redan publicerad.");
        }

        @GetMapping("/crash")
        String crash() {
            throw new IllegalStateException("column secret-table.password_hash does not exist");
        }
    }

    /**
     * Bodies fail while being read once they pass the limit, as the application's size-limit filter
     * makes them fail when no length is declared.
     */
    static class BodyLimit extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            byte[] body = request.getInputStream().readAllBytes();
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public ServletInputStream getInputStream() {
                            return new Limited(body);
                        }
                    },
                    response);
        }
    }

    private static final class Limited extends ServletInputStream {

        private final ByteArrayInputStream body;
        private int read;

        Limited(byte[] body) {
            this.body = new ByteArrayInputStream(body);
        }

        @Override
        public int read() throws IOException {
            if (++read > LIMIT) {
                throw new RequestTooLargeException(LIMIT);
            }
            return body.read();
        }

        @Override
        public boolean isFinished() {
            return body.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
