package io.throughline.service.internal;

import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Rows;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox over IMAP when one is configured: every message after the last UID read (per
 * UIDVALIDITY) goes to the inbox, and the cursor moves after each one is stored, so a crash re-reads at most the
 * message in hand, which its Message-ID makes a duplicate. Messages stay in the mailbox.
 */
@Component
class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    private final ServiceSettings settings;
    private final InboundEmail inbound;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReentrantLock polling = new ReentrantLock();

    MailboxPoller(ServiceSettings settings, InboundEmail inbound, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.inbound = inbound;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${throughline.service.mailbox-poll:PT30S}")
    void scheduled() {
        if (!settings.get("imap-host").isBlank()) {
            poll();
        }
    }

    /** Reads what is new; answers how many messages were handed to the inbox. */
    int poll() {
        String host = settings.get("imap-host");
        if (host.isBlank()) {
            throw new InvalidRequestException("imap-host", "no mailbox is configured");
        }
        if (!polling.tryLock()) {
            return 0;
        }
        try {
            return read(host);
        } catch (MessagingException | IOException failed) {
            LOG.warn("Reading the support mailbox failed: {}", failed.getClass().getSimpleName());
            return 0;
        } finally {
            polling.unlock();
        }
    }

    private int read(String host) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "20000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(host, Integer.parseInt(settings.get("imap-port")), settings.get("imap-user"),
                settings.get("imap-password"));
        try {
            String folderName = settings.get("imap-folder");
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                String mailbox = settings.get("imap-user") + "@" + host + "/" + folderName;
                long validity = uids.getUIDValidity();
                long last = cursor(mailbox).filter(cursor -> cursor[0] == validity).map(cursor -> cursor[1])
                        .orElse(0L);
                int handed = 0;
                long attachmentLimit = inbound.attachmentLimit();
                for (Message message : uids.getMessagesByUID(last + 1, UIDFolder.LASTUID)) {
                    long uid = uids.getUID(message);
                    if (uid <= last) {
                        continue;
                    }
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    try {
                        inbound.accept(MailReading.read(raw.toByteArray(), attachmentLimit));
                        handed++;
                    } catch (InvalidRequestException unreadable) {
                        LOG.info("Skipped an unreadable message in the support mailbox: {}", unreadable.field());
                    }
                    save(mailbox, validity, uid);
                }
                return handed;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private Optional<long[]> cursor(String mailbox) {
        return jdbc.sql("SELECT uid_validity, last_uid FROM service.mailbox_cursor WHERE mailbox = ?").param(mailbox)
                .query((rs, row) -> new long[] {rs.getLong("uid_validity"), rs.getLong("last_uid")}).optional();
    }

    private void save(String mailbox, long validity, long uid) {
        jdbc.sql("""
                INSERT INTO service.mailbox_cursor (mailbox, uid_validity, last_uid, polled_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity,
                    last_uid = excluded.last_uid, polled_at = excluded.polled_at""")
                .params(mailbox, validity, uid, Rows.timestamp(clock.instant())).update();
    }
}
