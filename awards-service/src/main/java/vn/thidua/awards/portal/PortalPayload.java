package vn.thidua.awards.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.catalogue.AwardLevel;
import vn.thidua.awards.proposal.DossierFile;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.ProposalStatus;

/**
 * The body of a delivery, as docs/portal.md documents it (schema {@value #SCHEMA}): one proposal at
 * one step of its life, with its dossier's files. Field order is the order on the wire.
 */
public record PortalPayload(String schema, long deliveryId, UUID idempotencyKey, Transition transition, ProposalPart proposal,
                            List<FilePart> files) {
    public static final String SCHEMA = "thidua.portal.dossier.v1";

    /** The step that sent it: {@code to} is SUBMITTED or FORWARDED. */
    public record Transition(ProposalStatus from, ProposalStatus to, Instant at) {
    }

    /** The proposal as it stood at that step ({@code status} is the step's {@code to}). */
    public record ProposalPart(long id, Unit unit, Award award, int year, Cluster cluster, LegalBasis ruleSet, ProposalStatus status,
                               Ranking ranking, UUID votingSessionId, List<Proposal.EarlierAward> earlierAwards, String href,
                               Council council, Submission submission) {
    }

    /** The provincial Council's review of the candidate, once it voted. */
    public record Council(UUID sessionId, String result) {
    }

    /** The province's submission (tờ trình of the Chairman) carrying a state-level candidate to the Prime Minister. */
    public record Submission(long id, String number, String signedBy, LocalDate signedOn, String href) {
    }

    /** The proposed unit, identified by its electronic identification code (QĐ 20/2020/QĐ-TTg). */
    public record Unit(String electronicCode, String name) {
    }

    public record Award(String code, String name, AwardLevel level, String decidingAuthority) {
    }

    /** The emulation cluster (or block) and year the proposal comes from. */
    public record Cluster(long id, String code, String name) {
    }

    /** The rule set the proposal was judged by, and the law it rests on. */
    public record LegalBasis(long id, String legalBasis, LocalDate legalBasisDate, LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    /** The unit's place in the cluster's finalized ranking, when there is one. */
    public record Ranking(Integer rank, BigDecimal total) {
    }

    /** A dossier file as the delivery row keeps it: which file, and what it must hash to. */
    public record FileRef(long id, DossierFile.Kind kind, String name, String sha256, long size) {
    }

    /** A dossier file on the wire, its content in base64 (standard alphabet, padded). */
    public record FilePart(long id, DossierFile.Kind kind, String name, String mediaType, String sha256, long size, String href,
                           String contentBase64) {
    }
}
