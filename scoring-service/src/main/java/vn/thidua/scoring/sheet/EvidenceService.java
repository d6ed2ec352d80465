package vn.thidua.scoring.sheet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Text;

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
    }

    public EvidenceService(SheetService sheets, Limits limits, Clock clock) {
        this.sheets = sheets;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional
    public EvidenceFile upload(long sheetId, String fileName, String contentType, byte[] content, Caller caller) {
        ScoreSheet sheet = sheets.requireWritable(sheetId, caller);
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("missing-body", "problem.body-missing");
        }
        if (content.length > limits.maxSize()) {
            throw new ProblemException(413, "evidence-too-large", "evidence.too-large", limits.maxSize() / (1024 * 1024));
        }
        EvidenceType type = EvidenceType.of(content, contentType).orElseThrow(() ->
                new ProblemException(415, "evidence-type", "evidence.type", String.valueOf(contentType)));
        EvidenceFile file = new EvidenceFile();
        file.id = UUID.randomUUID();
        file.sheetId = sheet.id;
        file.fileName = fileName == null || fileName.isBlank() ? "minh-chung" : Text.clean(fileName, 255, "fileName", false);
        file.contentType = type.mediaType;
        file.sizeBytes = content.length;
        file.sha256 = sha256(content);
        file.content = content;
        file.uploadedBy = caller.subject();
        file.uploadedAt = Instant.now(clock);
        file.persist();
        return file;
    }

    public EvidenceFile read(UUID id, Caller caller) {
        EvidenceFile file = EvidenceFile.findById(id);
        if (file == null) {
            throw ProblemException.notFound("evidence-not-found", "evidence.not-found", id);
        }
        sheets.read(file.sheetId, caller);
        return file;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
