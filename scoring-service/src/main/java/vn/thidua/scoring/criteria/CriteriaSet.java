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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Replaces everything the definition says; only a draft may change. */
    void define(CriteriaDefinition definition, Instant now) {
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
