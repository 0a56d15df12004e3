package se.esam.lifecycle.notification;

import java.util.Properties;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox is retried on a schedule ({@link MailDelivery#retryDue}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {

    /**
     * JavaMail waits for ever by default. A send that outlives its claim ({@link MailProperties#sendTimeout})
     * would be sent a second time by another node, so every socket operation gets a limit far below it,
     * unless {@code spring.mail.properties} sets one.
     */
    static final String SOCKET_TIMEOUT_MILLIS = "10000";

    /** Replaces Spring Boot's SMTP sender when an outbox folder is configured. */
    @Bean
    @ConditionalOnExpression("'${guidance.mail.outbox-folder:}' != ''")
    JavaMailSender outboxMailSender(MailProperties properties) {
        return new OutboxMailSender(properties.outboxFolder());
    }

    @Bean
    static BeanPostProcessor smtpSocketTimeouts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    Properties properties = sender.getJavaMailProperties();
                    for (String protocol : new String[] {"smtp", "smtps"}) {
                        for (String timeout : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
                            properties.putIfAbsent("mail." + protocol + "." + timeout, SOCKET_TIMEOUT_MILLIS);
                        }
                    }
                }
                return bean;
            }
        };
    }
}
