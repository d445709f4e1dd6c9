package io.throughline.service.internal;

import io.throughline.platform.InvalidRequestException;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Reads an email as it arrived (raw MIME, from the webhook or the mailbox) into what the inbox keeps: sender,
 * threading headers, subject, the text, and the HTML sanitised so that nothing in it can run in an agent's
 * browser (scripts, handlers, styles, frames and forms are stripped; links, formatting, lists, tables and
 * images stay). Attachments over the size limit are refused with a note in the text; the message is kept.
 */
final class MailReading {

    /** What the inbox keeps of an email. */
    record Mail(String messageId, @Nullable String inReplyTo, List<String> references, String from,
            @Nullable String to, @Nullable String subject, String text, @Nullable String html,
            List<String> refusedAttachments) {}

    static final PolicyFactory SAFE_HTML = Sanitizers.FORMATTING.and(Sanitizers.LINKS).and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES).and(Sanitizers.IMAGES);
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();
    private static final int MAX_TEXT = 100_000;

    private MailReading() {}

    static Mail read(byte[] raw, long attachmentLimit) {
        try {
            return read(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)), raw,
                    attachmentLimit);
        } catch (MessagingException | IOException broken) {
            throw new InvalidRequestException("message", "is not a readable MIME message");
        }
    }

    static Mail read(Message message, byte @Nullable [] raw, long attachmentLimit)
            throws MessagingException, IOException {
        InternetAddress from = firstAddress(message.getFrom());
        if (from == null || from.getAddress() == null || !from.getAddress().contains("@")) {
            throw new InvalidRequestException("from", "the email names no sender address");
        }
        InternetAddress to = firstAddress(message.getRecipients(Message.RecipientType.TO));
        String messageId = header(message, "Message-ID");
        if (messageId == null) {
            // Without a Message-ID a retried delivery is still recognisable by its bytes.
            messageId = "<" + digest(raw != null ? raw : (from.getAddress() + message.getSubject())
                    .getBytes(StandardCharsets.UTF_8)) + "@no-message-id>";
        }
        String references = header(message, "References");
        Bodies bodies = new Bodies(attachmentLimit);
        bodies.walk(message);
        String html = bodies.html == null ? null : SAFE_HTML.sanitize(bodies.html);
        String text = bodies.text != null ? bodies.text
                : html != null ? unescape(TEXT_ONLY.sanitize(bodies.html)) : "";
        if (!bodies.refused.isEmpty()) {
            text = text + "\n\n[" + String.join(", ", bodies.refused) + ": over the attachment size limit, not kept]";
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        return new Mail(messageId.strip(), stripped(header(message, "In-Reply-To")),
                references == null ? List.of() : Arrays.stream(references.trim().split("\\s+"))
                        .filter(id -> !id.isBlank()).toList(),
                from.getAddress().toLowerCase(java.util.Locale.ROOT), to == null ? null : to.getAddress(),
                message.getSubject(), text.strip(), html, List.copyOf(bodies.refused));
    }

    private static @Nullable InternetAddress firstAddress(jakarta.mail.Address @Nullable [] addresses) {
        if (addresses == null) {
            return null;
        }
        for (var address : addresses) {
            if (address instanceof InternetAddress internet) {
                return internet;
            }
        }
        return null;
    }

    private static @Nullable String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].strip();
    }

    private static @Nullable String stripped(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#43;", "+").replace("&#61;", "=").replace("&#64;", "@")
                .replace("&#96;", "`").replace("&amp;", "&");
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every JDK", missing);
        }
    }

    /** The first plain and HTML bodies of a message, walking its parts. */
    private static final class Bodies {
        private final long attachmentLimit;
        private @Nullable String text;
        private @Nullable String html;
        private final List<String> refused = new ArrayList<>();

        Bodies(long attachmentLimit) {
            this.attachmentLimit = attachmentLimit;
        }

        void walk(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                if (size(part) > attachmentLimit) {
                    refused.add(part.getFileName() == null ? "attachment" : part.getFileName());
                }
                return;
            }
            if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
            }
        }

        private static long size(Part part) throws MessagingException, IOException {
            int declared = part.getSize();
            if (declared >= 0) {
                // Base64 on the wire is a third larger than the file.
                return declared * 3L / 4;
            }
            long size = 0;
            try (InputStream in = part.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    size += read;
                }
            }
            return size;
        }
    }
}
