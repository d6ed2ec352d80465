package vn.thidua.scoring.criteria;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;

/** A criteria set (bảng tiêu chí chấm điểm) of one cluster-year. */
@Entity
@Table(name = "criteria_set")
public class CriteriaSet extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cluster_id", nullable = false)
    public long clusterId;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(nullable = false)
    public int scale;

    @Column(name = "bonus_cap", nullable = false, precision = 9, scale = 2)
    public BigDecimal bonusCap;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CriteriaSetStatus status;

    @Column(name = "peer_enabled", nullable = false)
    public boolean peerEnabled;

    @Column(name = "peer_trim_extremes", nullable = false)
    public boolean peerTrimExtremes;

    @Enumerated(EnumType.STRING)
    @Column(name = "board_reviewer", nullable = false, length = 20)
    public BoardReviewer boardReviewer;

    @Column(name = "self_deadline")
    public LocalDate selfDeadline;

    @Column(name = "peer_deadline")
    public LocalDate peerDeadline;

    @Column(name = "board_deadline")
    public LocalDate boardDeadline;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CriteriaDefinition.Band> bands;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tie_breaks", nullable = false)
    public List<TieBreak> tieBreaks;

    /** The share of women (percent) that {@link TieBreak#WOMEN_SHARE} looks for; null when the set does not use it. */
    @Column(name = "women_share_threshold_percent", precision = 5, scale = 2)
    public BigDecimal womenShareThresholdPercent;

    @Column(name = "copied_from")
    public Long copiedFrom;

    @Column(name = "finalized_version")
    public Long finalizedVersion;

    @OneToMany(mappedBy = "set", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<CriteriaGroup> groups = new ArrayList<>();

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static CriteriaSet draft(long clusterId, CriteriaDefinition definition, Instant now) {
        CriteriaSet set = new CriteriaSet();
        set.clusterId = clusterId;
        set.status = CriteriaSetStatus.DRAFT;
        set.createdAt = now;
        set.define(definition, now);
        return set;
    }

    /** A new draft with this set's criteria for a cluster-year (the same or another): a template, or last year's set. */
    CriteriaSet copyFor(long targetClusterId, Instant now) {
        CriteriaSet copy = draft(targetClusterId, definition(), now);
        copy.copiedFrom = id;
        return copy;
    }

    /** The event of a set just drafted (and persisted, so that it has its id). */
    CriteriaSetEvent created(String actor, Instant now) {
        return copiedFrom == null
                ? new CriteriaSetEvent(id, CriteriaSetEvent.CREATED, null, actor, now)
                : new CriteriaSetEvent(id, CriteriaSetEvent.COPIED, "from " + copiedFrom, actor, now);
    }

    /** A draft takes a new definition; records no event (the audit trail keeps the life of the set, not its drafts). */
    void redefine(CriteriaDefinition definition, Instant now) {
        requireStatus(CriteriaSetStatus.DRAFT);
        definition.validate();
        define(definition, now);
    }

    /**
     * Freezes the criteria: a draft of a known cluster-year that has members, with a valid
     * definition. The caller then opens the sheets of the cluster's members.
     */
    CriteriaSetEvent publish(Optional<ClusterYear> cluster, String actor, Instant now) {
        requireStatus(CriteriaSetStatus.DRAFT);
        ClusterYear known = cluster.orElseThrow(() -> unknownCluster(clusterId));
        if (known.members().isEmpty()) {
            throw Refusal.unprocessable("cluster-without-members", "criteria.publish.no-members", known.code(), known.year());
        }
        definition().validate();
        return move(CriteriaSetStatus.PUBLISHED, CriteriaSetEvent.PUBLISHED, null, actor, now);
    }

    /** Scoring ends: the ranking becomes final. */
    CriteriaSetEvent close(String actor, Instant now) {
        requireStatus(CriteriaSetStatus.PUBLISHED);
        return move(CriteriaSetStatus.CLOSED, CriteriaSetEvent.CLOSED, null, actor, now);
    }

    /** A closed set opens again only with a written reason, which the event keeps. */
    CriteriaSetEvent reopen(String reason, String actor, Instant now) {
        requireStatus(CriteriaSetStatus.CLOSED);
        if (reason == null || reason.isBlank()) {
            throw Refusal.unprocessable("reason-required", "criteria.reopen.reason-required");
        }
        return move(CriteriaSetStatus.PUBLISHED, CriteriaSetEvent.REOPENED, reason, actor, now);
    }

    private CriteriaSetEvent move(CriteriaSetStatus to, String action, String reason, String actor, Instant now) {
        status = to;
        updatedAt = now;
        return new CriteriaSetEvent(id, action, reason, actor, now);
    }

    void requireStatus(CriteriaSetStatus expected) {
        if (status != expected) {
            throw Refusal.conflict("criteria-set-status", "criteria.status.wrong", id, status, expected);
        }
    }

    static Refusal unknownCluster(long clusterId) {
        return Refusal.unprocessable("unknown-cluster", "criteria.cluster.unknown", clusterId);
    }

    /** Replaces everything the definition says. */
    private void define(CriteriaDefinition definition, Instant now) {
        title = definition.title();
        scale = definition.scale();
        bonusCap = definition.bonusCap();
        peerEnabled = definition.peerEnabled();
        peerTrimExtremes = definition.peerTrimExtremes();
        boardReviewer = definition.boardReviewer();
        selfDeadline = definition.deadlines().self();
        peerDeadline = definition.deadlines().peer();
        boardDeadline = definition.deadlines().board();
        bands = new ArrayList<>(definition.bands());
        tieBreaks = new ArrayList<>(definition.tieBreaks());
        womenShareThresholdPercent = definition.womenShareThresholdPercent();
        groups.clear();
        int groupPosition = 0;
        for (CriteriaDefinition.GroupDefinition groupDefinition : definition.groups()) {
            CriteriaGroup group = CriteriaGroup.of(this, ++groupPosition, groupDefinition);
            groups.add(group);
        }
        updatedAt = now;
    }

    public CriteriaDefinition definition() {
        return new CriteriaDefinition(title, scale, bonusCap, peerEnabled, peerTrimExtremes, boardReviewer,
                new CriteriaDefinition.Deadlines(selfDeadline, peerDeadline, boardDeadline), bands, tieBreaks,
                womenShareThresholdPercent, groups.stream().map(CriteriaGroup::definition).toList());
    }

    public LocalDate deadline(Stage stage) {
        return switch (stage) {
            case SELF -> selfDeadline;
            case PEER -> peerDeadline;
            case BOARD -> boardDeadline;
        };
    }

    public List<Criterion> criteria() {
        return groups.stream().flatMap(group -> group.criteria.stream()).toList();
    }
}
