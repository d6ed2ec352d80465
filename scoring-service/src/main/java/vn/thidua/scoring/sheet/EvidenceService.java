package vn.thidua.scoring.sheet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.FileKind;
import vn.thidua.platform.web.FileNames;
import vn.thidua.platform.web.ImageFile;
import vn.thidua.platform.web.PdfDocument;
import vn.thidua.platform.web.Uploads;

/** Evidence files: uploaded by whoever may fill in the sheet, read by whoever may read it. */
@ApplicationScoped
public class EvidenceService {
    private final SheetService sheets;
    private final Limits limits;
    private final Clock clock;

    @ConfigMapping(prefix = "thidua.evidence")
    public interface Limits {
        /** The largest evidence file taken, in bytes. */
        @WithDefault("10485760")
        long maxSize();

        /** All evidence files of one score sheet together, in bytes. */
        @WithDefault("104857600")
        long maxSheetTotal();

        /** The most pixels an evidence image may have (read from its header before it is decoded). */
        @WithDefault("40000000")
        long maxPixels();
    }

    public EvidenceService(SheetService sheets, Limits limits, Clock clock) {
        this.sheets = sheets;
        this.limits = limits;
        this.clock = clock;
    }

    public long maxSize() {
        return limits.maxSize();
    }

    /** The refusal of an evidence file over the limit. */
    public Refusal tooLarge() {
        return new Refusal(Refusal.Nature.TOO_LARGE, "evidence-too-large", "evidence.too-large", limits.maxSize() / (1024 * 1024));
    }

    /**
     * Whether the caller may add evidence to the sheet now (and, when the size is declared, whether
     * the sheet has room for it): checked before the body is read, and again when the file is stored.
     */
    @Transactional
    public void requireUploadable(long sheetId, long declaredSize, Caller caller) {
        ScoreSheet sheet = sheets.requireWritable(sheetId, caller);
        if (declaredSize > 0) {
            requireRoom(sheet, declaredSize);
        }
    }

    /**
     * The kind of a received file: the one its Content-Type declares, which its first bytes must show
     * (415 otherwise), and a sound file of that kind (a PDF parsed to its trailer, an image walked to
     * its end and decoded; 422 otherwise). Runs outside any transaction: it reads only the temporary file.
     */
    public FileKind check(Uploads.Upload upload, String contentType) {
        FileKind kind = FileKind.matching(upload.head(FileKind.HEAD), contentType).orElseThrow(() ->
                new Refusal(Refusal.Nature.UNSUPPORTED, "evidence-type", "evidence.type", String.valueOf(contentType)));
        if (kind == FileKind.PDF) {
            PdfDocument.verify(upload.file(), "evidence", "evidence");
        } else {
            ImageFile.verify(upload.file(), kind, limits.maxPixels(), "evidence");
        }
        return kind;
    }

    @Transactional
    public EvidenceFile upload(long sheetId, String fileName, FileKind kind, Uploads.Upload upload, Caller caller) {
        ScoreSheet sheet = sheets.requireWritable(sheetId, caller);
        requireRoom(sheet, upload.size());
        EvidenceFile file = new EvidenceFile();
        file.id = UUID.randomUUID();
        file.sheetId = sheet.id;
        file.fileName = FileNames.uploaded(fileName, "fileName", "minh-chung");
        file.contentType = kind.mediaType();
        file.sizeBytes = upload.size();
        file.sha256 = upload.sha256();
        file.content = upload.bytes();
        file.uploadedBy = caller.subject();
        file.uploadedAt = Instant.now(clock);
        file.persist();
        return file;
    }

    private void requireRoom(ScoreSheet sheet, long size) {
        long total = EvidenceFile.getEntityManager()
                .createQuery("select coalesce(sum(f.sizeBytes), 0) from EvidenceFile f where f.sheetId = :sheet", Long.class)
                .setParameter("sheet", sheet.id).getSingleResult();
        if (total + size > limits.maxSheetTotal()) {
            throw new Refusal(Refusal.Nature.TOO_LARGE, "evidence-total-too-large", "evidence.total-too-large", total, size, limits.maxSheetTotal());
        }
    }

    public EvidenceFile read(UUID id, Caller caller) {
        EvidenceFile file = EvidenceFile.findById(id);
        if (file == null) {
            throw Refusal.notFound("evidence-not-found", "evidence.not-found", id);
        }
        sheets.read(file.sheetId, caller);
        return file;
    }
}
