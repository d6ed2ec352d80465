package vn.thidua.awards.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/** The Council's terms and their members, as the Board enters them from the Chairman's decisions. */
@ApplicationScoped
public class CouncilTerms {
    static final int MAX_MEMBERS_PER_TERM = 200;

    private final Clock clock;

    public CouncilTerms(Clock clock) {
        this.clock = clock;
    }

    /** A term as the Board enters it; texts already cleaned by the resource. */
    public record TermRequest(String name, LocalDate servesFrom, LocalDate servesTo, String decisionNumber, LocalDate decisionDate) {
    }

    public record MemberRequest(String fullName, String position, CouncilRole role) {
    }

    @Transactional
    public CouncilTerm createTerm(TermRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        if (request.servesFrom() == null || request.servesTo() == null || request.decisionDate() == null) {
            throw Refusal.unprocessable("invalid-council-term", "council.term.dates-required");
        }
        if (request.servesTo().isBefore(request.servesFrom())) {
            throw Refusal.unprocessable("invalid-council-term", "council.term.dates-order");
        }
        CouncilTerm term = new CouncilTerm();
        term.name = request.name();
        term.servesFrom = request.servesFrom();
        term.servesTo = request.servesTo();
        term.decisionNumber = request.decisionNumber();
        term.decisionDate = request.decisionDate();
        term.createdBy = caller.subject();
        term.createdAt = Instant.now(clock);
        term.persist();
        return term;
    }

    /** Every term for the Board and viewers; a member sees its own. */
    @Transactional
    public List<CouncilTerm> terms(Caller caller) {
        return CouncilTerm.<CouncilTerm>list("order by servesFrom desc, id").stream()
                .filter(term -> CouncilAccess.canReadTerm(term.id, caller)).toList();
    }

    @Transactional
    public CouncilMember addMember(long termId, MemberRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilTerm term = term(termId, caller);
        if (request.role() == null) {
            throw Refusal.unprocessable("invalid-council-member", "council.member.role-required");
        }
        if (CouncilMember.count("termId", term.id) >= MAX_MEMBERS_PER_TERM) {
            throw Refusal.unprocessable("invalid-council-member", "council.member.too-many", MAX_MEMBERS_PER_TERM);
        }
        CouncilMember member = new CouncilMember();
        member.id = UUID.randomUUID().toString();
        member.termId = term.id;
        member.fullName = request.fullName();
        member.position = request.position();
        member.role = request.role();
        member.standing = request.role().standing();
        member.createdBy = caller.subject();
        member.createdAt = Instant.now(clock);
        member.persist();
        return member;
    }

    @Transactional
    public List<CouncilMember> members(long termId, Caller caller) {
        return CouncilMember.ofTerm(term(termId, caller).id);
    }

    @Transactional
    public CouncilTerm term(long termId, Caller caller) {
        CouncilTerm term = CouncilTerm.findById(termId);
        if (term == null || !CouncilAccess.canReadTerm(termId, caller)) {
            throw Refusal.notFound("council-term-not-found", "council.term.not-found", termId);
        }
        return term;
    }
}
