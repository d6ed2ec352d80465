package vn.thidua.awards.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.platform.domain.Refusal;

/**
 * The province's submission to the Prime Minister: one tờ trình of the Chairman of the Provincial People's
 * Committee covering all of a year's state-level candidates the Council recommended, sent through the Ministry
 * of Home Affairs' national dossier system (law-2025.md §4). It is drafted, sent, and then either returned as
 * faulty (the province corrects and submits anew) or accepted; the Prime Minister's decisions then decide its
 * proposals one by one.
 */
@Entity
@Table(name = "provincial_submission")
public class ProvincialSubmission extends PanacheEntityBase {

    public enum Status { DRAFT, SENT, RETURNED, ACCEPTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 100)
    public String number;

    @Column(name = "signed_by", nullable = false, length = 200)
    public String signedBy;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status;

    @Column(nullable = false)
    public byte[] document;

    @Column(name = "document_sha256", nullable = false, length = 64)
    public String documentSha256;

    @Column(name = "sent_on")
    public LocalDate sentOn;

    @Column(name = "return_due")
    public LocalDate returnDue;

    @Column(name = "returned_on")
    public LocalDate returnedOn;

    @Column(name = "return_reason", length = 2000)
    public String returnReason;

    @Column(name = "accepted_on")
    public LocalDate acceptedOn;

    @Column(name = "decision_due")
    public LocalDate decisionDue;

    @Column(name = "national_reference", length = 200)
    public String nationalReference;

    @ElementCollection
    @CollectionTable(name = "provincial_submission_item", joinColumns = @JoinColumn(name = "submission_id"))
    @Column(name = "proposal_id", nullable = false)
    @OrderColumn(name = "position")
    public List<Long> proposalIds = new ArrayList<>();

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What a step of the submission says happened; the service moves its proposals accordingly. */
    public record Moved(long submissionId, Status from, Status to) {
    }

    /** Sent on that day; the national Board has until {@code returnDue} to send a faulty dossier back. */
    public Moved send(LocalDate on, LocalDate returnDue, Instant at) {
        require(Status.DRAFT, Status.SENT);
        if (on.isBefore(signedOn)) {
            throw Refusal.rule("invalid-submission", "submission.sent.before-signed", on.toString(), signedOn.toString());
        }
        sentOn = on;
        this.returnDue = returnDue;
        return move(Status.SENT, at);
    }

    /** The national Board found the dossier faulty and sent it back with the reason. */
    public Moved returned(LocalDate on, String reason, Instant at) {
        require(Status.SENT, Status.RETURNED);
        requireNotBeforeSent(on);
        returnedOn = on;
        returnReason = reason;
        return move(Status.RETURNED, at);
    }

    /** The national Board took the dossier; it must put it to the Prime Minister by {@code decisionDue}. */
    public Moved accepted(LocalDate on, String reference, LocalDate decisionDue, Instant at) {
        require(Status.SENT, Status.ACCEPTED);
        requireNotBeforeSent(on);
        acceptedOn = on;
        nationalReference = reference;
        this.decisionDue = decisionDue;
        return move(Status.ACCEPTED, at);
    }

    /** Whether it was returned after the time the national Board has for that (returns are still taken, and shown late). */
    public boolean returnedLate() {
        return returnedOn != null && returnDue != null && returnedOn.isAfter(returnDue);
    }

    private void requireNotBeforeSent(LocalDate on) {
        if (on.isBefore(sentOn)) {
            throw Refusal.rule("invalid-submission", "submission.answer.before-sent", on.toString(), sentOn.toString());
        }
    }

    /** Refuses at once a step its status does not allow (before anything else is checked). */
    public void requireStep(Status to) {
        require(to == Status.SENT ? Status.DRAFT : Status.SENT, to);
    }

    private void require(Status from, Status to) {
        if (status != from) {
            throw Refusal.state("illegal-transition", "submission.transition.illegal", status, to);
        }
    }

    private Moved move(Status to, Instant at) {
        Status from = status;
        status = to;
        updatedAt = at;
        return new Moved(id, from, to);
    }
}
