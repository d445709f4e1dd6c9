package io.throughline.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A browser that goes away mid-response (closed tab, broken pipe) is routine: one DEBUG line without a stack
 * trace, no answer written. A real failure still logs at ERROR with its stack trace.
 */
class ClientsGoingAwayMidResponseTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final Logger filterLogger = (Logger) LoggerFactory.getLogger(DisconnectedClientFilter.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level before;

    @BeforeEach
    void listen() {
        before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        filterLogger.setLevel(Level.DEBUG);
        logged.start();
        logger.addAppender(logged);
        filterLogger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        filterLogger.detachAppender(logged);
        logger.setLevel(before);
        filterLogger.setLevel(null);
    }

    @Test
    void aBrokenPipeOrAbortedClientIsOneDebugLineWithoutAStackTrace() {
        var advice = new ProblemDetailsAdvice();

        assertThat(advice.unexpected(new AsyncRequestNotUsableException("ServletOutputStream failed to write: "
                + "java.io.IOException: Broken pipe"))).isNull();
        assertThat(advice.unexpected(new ClientAbortException(new IOException("Broken pipe")))).isNull();

        assertThat(logged.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void aPageWhoseReaderLeftWhileItWasWrittenEndsQuietly() throws Exception {
        var filter = new DisconnectedClientFilter();
        var request = new MockHttpServletRequest("GET", "/customers");

        filter.doFilter(request, new MockHttpServletResponse(), (in, out) -> {
            throw new ClientAbortException(new IOException("Connection reset by peer"));
        });

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage()).contains("GET /customers");
        });
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/"),
                new MockHttpServletResponse(), (in, out) -> {
                    throw new IllegalStateException("bug");
                })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRealFailureIsStillAnErrorWithItsStackTrace() {
        var answer = new ProblemDetailsAdvice().unexpected(new IllegalStateException("bug"));

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }
}
