package vn.thidua.awards.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of a proposal's dossier with its SHA-256; the content is read only when the file is. */
@Entity
@Table(name = "dossier_file")
public class DossierFile extends PanacheEntityBase {

    public enum Kind {
        /** Tờ trình: generated when the proposal is submitted. */
        COVER_SUBMISSION,
        /** Biên bản: the minutes of the vote the proposal rests on. */
        MINUTES,
        /** Báo cáo thành tích: uploaded by the unit or the Board. */
        ACHIEVEMENT_REPORT,
        /** Biên bản họp Hội đồng Thi đua – Khen thưởng tỉnh: the Council's minutes with its ballot result. */
        COUNCIL_MINUTES,
        /** Tờ trình của Chủ tịch UBND tỉnh: the province's submission to the Prime Minister covering the candidate. */
        PROVINCIAL_SUBMISSION,
        OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public long proposalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Kind kind;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Column(nullable = false)
    public byte[] content;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "added_by", nullable = false, length = 100)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
