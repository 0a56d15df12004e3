package se.esam.lifecycle.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.mail.javamail.JavaMailSender;

/** The outbox is retried on a schedule ({@link MailDelivery#retryDue}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {

    /** Replaces Spring Boot's SMTP sender when an outbox folder is configured. */
    @Bean
    @ConditionalOnExpression("'${guidance.mail.outbox-folder:}' != ''")
    JavaMailSender outboxMailSender(MailProperties properties) {
        return new OutboxMailSender(properties.outboxFolder());
    }
}
