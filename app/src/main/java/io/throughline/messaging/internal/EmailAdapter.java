package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP with both an HTML and a text body, or into the local sink when no SMTP host is set. */
@Component
final class EmailAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(EmailAdapter.class);

    private final LocalSink sink;

    EmailAdapter(LocalSink sink) {
        this.sink = sink;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.EMAIL;
    }

    @Override
    public Result deliver(Outgoing outgoing) {
        Variant.Email email = (Variant.Email) outgoing.content();
        ChannelSettings.Values values = outgoing.settings();
        String host = values.get(ChannelSettings.SMTP_HOST);
        if (host == null) {
            return sink.keep(outgoing.deliveryId(), channel(), outgoing.recipient(), email.subject(), email.text(),
                    email.html(), outgoing.headers());
        }
        JavaMailSenderImpl sender = sender(values, host);
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper message = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            message.setFrom(String.valueOf(values.get(ChannelSettings.MAIL_FROM)));
            message.setTo(outgoing.recipient());
            message.setSubject(email.subject());
            message.setText(email.text(), email.html());
            for (var header : outgoing.headers().entrySet()) {
                mime.addHeader(header.getKey(), header.getValue());
            }
            sender.send(mime);
            return new Result.Sent("smtp");
        } catch (MessagingException | MailException failed) {
            // The exception names the recipient's address: keep it out of the log.
            log.warn("SMTP delivery {} failed: {}", outgoing.deliveryId(), failed.getClass().getSimpleName());
            return new Result.Failed("smtp: " + failed.getClass().getSimpleName());
        }
    }

    private static JavaMailSenderImpl sender(ChannelSettings.Values values, String host) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        String port = values.get(ChannelSettings.SMTP_PORT);
        sender.setPort(port == null ? 25 : Integer.parseInt(port));
        sender.setUsername(values.get(ChannelSettings.SMTP_USERNAME));
        sender.setPassword(values.get(ChannelSettings.SMTP_PASSWORD));
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        if (values.get(ChannelSettings.SMTP_USERNAME) != null) {
            properties.put("mail.smtp.auth", "true");
            properties.put("mail.smtp.starttls.enable", "true");
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
