package io.throughline.service.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.CurrentStaff;
import io.throughline.service.CannedAnswer;
import io.throughline.service.CannedAnswers;
import io.throughline.service.CaseChange;
import io.throughline.service.Conversation;
import io.throughline.service.Conversations;
import io.throughline.service.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What agents do to cases beside answering: priority, split and merge with undo, and canned answers. */
@RestController
@Tag(name = "Service", description = "The agent inbox: queue, conversations, answers, notes, calls, assignment")
class CaseToolsController {

    record PriorityRequest(@NotNull Priority priority) {}

    record MergeRequest(@NotNull UUID targetId) {}

    record SplitRequest(@NotEmpty @Size(max = 500) List<@NotNull UUID> messageIds) {}

    record CannedRequest(@NotBlank @Size(max = 40) String shortcut, @NotBlank @Size(max = 100) String title,
            @NotBlank @Size(max = Replies.MAX_LENGTH) String body) {}

    private final Conversations conversations;
    private final CannedAnswers canned;

    CaseToolsController(Conversations conversations, CannedAnswers canned) {
        this.conversations = conversations;
        this.canned = canned;
    }

    @PutMapping("/api/service/conversations/{id}/priority")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "Change a case's priority; its due times follow the policy for the new priority")
    Conversation priority(@PathVariable UUID id, @Valid @RequestBody PriorityRequest request, Authentication staff) {
        return conversations.prioritise(id, request.priority(), CurrentStaff.id(staff));
    }

    @PostMapping("/api/service/conversations/{id}/merge")
    @PreAuthorize(InboxController.AGENTS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Fold this case into another case of the same customer (undo with the change's id)")
    CaseChange merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request, Authentication staff) {
        return conversations.merge(id, request.targetId(), CurrentStaff.id(staff));
    }

    @PostMapping("/api/service/conversations/{id}/split")
    @PreAuthorize(InboxController.AGENTS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Move some of the case's messages to a new case of hers, linked to this one (undoable)")
    CaseChange split(@PathVariable UUID id, @Valid @RequestBody SplitRequest request, Authentication staff) {
        return conversations.split(id, request.messageIds(), CurrentStaff.id(staff));
    }

    @GetMapping("/api/service/conversations/{id}/changes")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "The splits and merges that touched the case, newest first")
    List<CaseChange> changes(@PathVariable UUID id) {
        return conversations.changes(id);
    }

    @PostMapping("/api/service/case-changes/{id}/undo")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "Undo a split or merge")
    CaseChange undo(@PathVariable UUID id, Authentication staff) {
        return conversations.undo(id, CurrentStaff.id(staff));
    }

    @GetMapping("/api/service/canned-answers")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "The canned answers, by shortcut")
    List<CannedAnswer> cannedAnswers() {
        return canned.list();
    }

    @PostMapping("/api/service/canned-answers")
    @PreAuthorize(InboxSetupController.ADMINS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new canned answer; its body may use {{firstName}}, {{lastName}}, {{fullName}}, "
            + "{{agentName}}, each with a fallback after a bar: {{firstName|customer}}")
    CannedAnswer createCanned(@Valid @RequestBody CannedRequest request) {
        return canned.create(request.shortcut(), request.title(), request.body());
    }

    @PutMapping("/api/service/canned-answers/{id}")
    @PreAuthorize(InboxSetupController.ADMINS)
    @Operation(summary = "Change a canned answer")
    CannedAnswer updateCanned(@PathVariable UUID id, @Valid @RequestBody CannedRequest request) {
        return canned.update(id, request.shortcut(), request.title(), request.body());
    }

    @DeleteMapping("/api/service/canned-answers/{id}")
    @PreAuthorize(InboxSetupController.ADMINS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a canned answer")
    void deleteCanned(@PathVariable UUID id) {
        canned.delete(id);
    }

    @GetMapping("/api/service/conversations/{id}/canned-answers/{answerId}")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "A canned answer filled in for the case's customer and the calling agent, to insert")
    Map<String, String> filled(@PathVariable UUID id, @PathVariable UUID answerId, Authentication staff) {
        return Map.of("text", canned.fill(answerId, id, CurrentStaff.id(staff)));
    }
}
