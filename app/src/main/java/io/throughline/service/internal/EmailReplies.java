package io.throughline.service.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an agent's answer by email over SMTP, as an answer to the customer's latest email: Message-ID of its own,
 * In-Reply-To her message, References her thread plus her message, and "Re:" before the case's subject, so her
 * mail client threads it. Without an SMTP server configured the answer is recorded only.
 */
@Component
class EmailReplies {

    private static final Logger LOG = LoggerFactory.getLogger(EmailReplies.class);

    private final ServiceSettings settings;

    EmailReplies(ServiceSettings settings) {
        this.settings = settings;
    }

    /** The answer's own Message-ID, in the mailbox's domain. */
    String messageIdFor(UUID messageId) {
        String from = settings.get("mail-from");
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "throughline.local";
        return "<" + messageId + "@" + domain + ">";
    }

    /** How it went: {@code smtp} when the server took it, {@code recorded} without a server, or the failure. */
    String send(String to, @Nullable String subject, String text, String messageId,
            MessageStore.@Nullable EmailFields answering) {
        String host = settings.get("smtp-host");
        if (host.isBlank()) {
            return "recorded";
        }
        JavaMailSenderImpl sender = sender(host);
        try {
            MimeMessage mail = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
            helper.setFrom(new InternetAddress(settings.get("mail-from")));
            helper.setTo(new InternetAddress(to));
            String base = subject == null || subject.isBlank() ? "Your message" : subject;
            helper.setSubject(base.regionMatches(true, 0, "Re:", 0, 3) ? base : "Re: " + base);
            helper.setText(text, false);
            if (answering != null) {
                mail.setHeader("In-Reply-To", answering.messageId());
                String references = answering.references() == null ? answering.messageId()
                        : answering.references() + " " + answering.messageId();
                mail.setHeader("References", references);
            }
            // Spring's sender keeps a Message-ID set before sending, so the thread can find this answer.
            mail.setHeader("Message-ID", messageId);
            sender.send(mail);
            return "smtp";
        } catch (MessagingException | MailException failed) {
            LOG.warn("An answer by email was not sent: {}", failed.getClass().getSimpleName());
            return "failed:smtp";
        }
    }

    private JavaMailSenderImpl sender(String host) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(Integer.parseInt(settings.get("smtp-port")));
        String user = settings.get("smtp-user");
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        if (!user.isBlank()) {
            sender.setUsername(user);
            sender.setPassword(settings.get("smtp-password"));
            properties.put("mail.smtp.auth", "true");
        }
        return sender;
    }
}
