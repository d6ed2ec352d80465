package vn.thidua.awards.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Proposals in memory, as plain tests need them: a draft of the Government flag for one unit, changed where a test says. */
final class ProposalMother {
    static final Instant CREATED = Instant.parse("2017-01-05T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2017, 1, 10);

    private long id = 7L;
    private String unitCode = "SO-TU-PHAP";
    private String awardTypeCode = "CO_THI_DUA_CHINH_PHU";
    private int year = 2016;
    private long clusterId = 3L;
    private String clusterCode = "CUM-1";
    private UUID votingSessionId;
    private LocalDate receivedOn;
    private ProposalStatus status = ProposalStatus.DRAFT;

    private ProposalMother() {
    }

    static ProposalMother aDraft() {
        return new ProposalMother();
    }

    static Proposal in(ProposalStatus status) {
        return aDraft().status(status).build();
    }

    ProposalMother id(long id) {
        this.id = id;
        return this;
    }

    ProposalMother unit(String unitCode) {
        this.unitCode = unitCode;
        return this;
    }

    ProposalMother fromVote(UUID votingSessionId) {
        this.votingSessionId = votingSessionId;
        return this;
    }

    ProposalMother receivedOn(LocalDate day) {
        this.receivedOn = day;
        return this;
    }

    ProposalMother status(ProposalStatus status) {
        this.status = status;
        return this;
    }

    Proposal build() {
        Proposal proposal = Proposal.draft(unitCode, awardTypeCode, year, clusterId, clusterCode, votingSessionId, receivedOn, TODAY,
                "board-officer", CREATED);
        proposal.id = id;
        proposal.status = status;
        return proposal;
    }
}
