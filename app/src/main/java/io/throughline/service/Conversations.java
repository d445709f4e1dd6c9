package io.throughline.service;

import io.throughline.platform.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The service inbox: customers' messages in from every channel, agents' answers out on the customer's channel,
 * notes and calls on her thread, assignment and the queue.
 */
public interface Conversations {

    /** A customer's message from a channel adapter: on her one live case, stored once per dedupe key. */
    Received receive(Inbound message);

    /** An agent's answer on the customer's latest medium (email over SMTP, chat to the widget). */
    ConversationMessage reply(UUID conversationId, UUID staffId, String text);

    /** A private note for colleagues; the customer never sees it. */
    ConversationMessage note(UUID conversationId, UUID staffId, String text);

    /** A call with the customer, noted on her live case (or a new one) on the contact centre's channel. */
    ConversationMessage logCall(UUID profileId, Channel channel, UUID staffId, CallLog call);

    /** Gives the case to an agent, within her capacity; refused when she is full or unknown to the inbox. */
    Conversation assign(UUID conversationId, UUID agentId, UUID byStaffId);

    /**
     * Gives the case to the available agent with the most room under her capacity (the one who waited longest
     * among equals); empty when every agent is full. A case already assigned stays with its agent.
     */
    Optional<Conversation> autoAssign(UUID conversationId);

    /** Routes the case to a team's queue; null puts it in everyone's. */
    Conversation route(UUID conversationId, @Nullable String team);

    Conversation changeStatus(UUID conversationId, ConversationStatus status, @Nullable Instant snoozedUntil,
            UUID staffId);

    ConversationThread thread(UUID conversationId);

    /** Unassigned live cases, the nearest SLA breach first, then first come first served. */
    List<Conversation> queue(QueueFilter filter);

    /** The live cases an agent holds. */
    List<Conversation> assignedTo(UUID staffId);

    /** A customer's cases, newest first: for the agent's customer panel and Customer 360. */
    List<Conversation> ofCustomer(UUID profileId);

    /** A new priority, and with it the targets of the policy for it, counted from when the case's clock started. */
    Conversation prioritise(UUID conversationId, Priority priority, UUID staffId);

    /** Folds one of a customer's cases into another of hers, so they read as one thread; undoable. */
    CaseChange merge(UUID sourceId, UUID targetId, UUID staffId);

    /** Moves some of a case's messages to a new case of the same customer, linked to it; undoable. */
    CaseChange split(UUID conversationId, List<UUID> messageIds, UUID staffId);

    /** Undoes a split or merge. */
    CaseChange undo(UUID changeId, UUID staffId);

    /** The splits and merges that touched a case, newest first. */
    List<CaseChange> changes(UUID conversationId);

    /** Where the case stands against its targets now, with the inbox's warning period. */
    SlaState sla(Conversation conversation);

    /** Live cases near or past a target, the nearest due first: the breach warnings. */
    List<Conversation> atRisk(int limit);

    /** Which cases the queue shows. */
    record QueueFilter(@Nullable String team, @Nullable Medium medium, int limit) {}
}
