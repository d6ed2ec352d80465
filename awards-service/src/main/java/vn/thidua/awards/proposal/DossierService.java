package vn.thidua.awards.proposal;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.FileNames;
import vn.thidua.platform.web.PdfDocument;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Uploads;

/** A proposal's dossier as its people see it: the files they upload to a draft, the files they read, the cover submission. */
@ApplicationScoped
public class DossierService {
    private final ProposalStore store;
    private final ProposalAccess access;
    private final Dossier dossier;

    public DossierService(ProposalStore store, ProposalAccess access, Dossier dossier) {
        this.store = store;
        this.access = access;
        this.dossier = dossier;
    }

    /**
     * Whether the caller may add this kind of file to the proposal's dossier now: checked before the
     * body is read (so a caller who may not upload never gets a file into memory), and again, under
     * the proposal's lock, when the file is stored.
     */
    @Transactional
    public void requireUploadable(long id, DossierFile.Kind kind, long declaredSize, Caller caller) {
        Proposal proposal = store.find(id);
        requireUploadable(proposal, kind, caller);
        if (declaredSize > 0) {
            dossier.requireRoom(proposal, kind, declaredSize);
        }
    }

    /**
     * Adds an uploaded PDF (already received and checked, {@link Uploads}) to a
     * draft's dossier: the proposer, or (for its achievement report) the proposed unit's representative.
     * The name is stored as its safe base name ({@code ../../p2.pdf} as {@code p2.pdf}).
     */
    @Transactional
    public DossierFile upload(long id, DossierFile.Kind kind, String fileName, Uploads.Upload upload, Caller caller) {
        Proposal proposal = store.lock(id);
        requireUploadable(proposal, kind, caller);
        String name = FileNames.safe(Text.clean(fileName, 255, "X-File-Name", true), "tai-lieu.pdf");
        PdfDocument pdf = new PdfDocument(upload.bytes(), upload.sha256(), upload.size());
        DossierFile file = dossier.upload(proposal, kind, name, pdf, caller);
        proposal.dossierChanged(file.addedAt);
        return file;
    }

    @Transactional
    public List<Dossier.FileInfo> files(long id, Caller caller) {
        return dossier.files(store.get(id, caller).id);
    }

    @Transactional
    public DossierFile file(long id, long fileId, Caller caller) {
        DossierFile file = dossier.file(store.get(id, caller).id, fileId);
        if (file == null) {
            throw Refusal.notFound("dossier-file-not-found", "proposal.dossier.file-not-found", fileId, id);
        }
        return file;
    }

    /** The cover submission as it would read if submitted now (a preview; submitting stores it). */
    @Transactional
    public byte[] coverPreview(long id, Caller caller) {
        return dossier.coverSubmission(store.get(id, caller));
    }

    /**
     * The proposer changes the dossier, or the proposed unit's representative its own achievement report; a caller who
     * may not read the proposal learns nothing of it (404). Generated documents are the service's, never uploaded.
     */
    private void requireUploadable(Proposal proposal, DossierFile.Kind kind, Caller caller) {
        boolean ownReport = kind == DossierFile.Kind.ACHIEVEMENT_REPORT && caller.hasAnyRole(Roles.UNIT_REP) && caller.actsFor(proposal.unitCode);
        if (!ownReport && !access.canPropose(proposal, caller)) {
            access.requireReadable(proposal, caller);
            throw new ForbiddenException("may not change the dossier of proposal " + proposal.id);
        }
        if (kind == DossierFile.Kind.COVER_SUBMISSION || kind == DossierFile.Kind.MINUTES || kind == DossierFile.Kind.COUNCIL_MINUTES
                || kind == DossierFile.Kind.PROVINCIAL_SUBMISSION) {
            throw Refusal.unprocessable("dossier-file-generated", "proposal.dossier.generated", kind);
        }
        proposal.requireDossierOpen();
    }
}
