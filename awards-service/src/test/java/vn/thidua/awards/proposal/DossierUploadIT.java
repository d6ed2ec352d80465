package vn.thidua.awards.proposal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestFiles;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * Dossier uploads as an attacker sends them (docs/security.md, "Memory" and "Files"): a body the
 * caller may not upload is answered before it is read; a dossier cannot grow past its total; a PDF
 * with something after its end, and a name with directories, are not taken as sent.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class DossierUploadIT {
    private static final String BOARD = VotingFixtures.BOARD;
    private static final String VIEWER = TestTokens.user("viewer-uploads", "viewer");
    private static final String PROPOSALS = ProposalFixtures.PROPOSALS;
    private static final int TEN_MIB = 10 * 1024 * 1024;

    @Inject
    ClusterDirectory directory;

    private static int clusters;

    private long draft() {
        int n = ++clusters;
        List<String> units = VotingFixtures.units("068." + (10 + n), 2);
        long clusterId = 968_800 + n;
        VotingFixtures.cluster(directory, clusterId, "CUM-UP" + n, 2016, units, units.get(0));
        return ProposalFixtures.draft(units.get(0), ProposalFixtures.award("TEST_UPLOADS", "PROVINCIAL"), clusterId);
    }

    @Test
    void aViewersTenMebibyteBodyIsRefusedBeforeItIsRead() throws Exception {
        long id = draft();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + PROPOSALS + "/" + id + "/files/achievement-report HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + VIEWER + "\r\nContent-Type: application/pdf\r\nX-File-Name: a.pdf\r\n"
                    + "Content-Length: " + TEN_MIB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // 64 KiB of the 10 MiB announced, and no more: a server that waited for the body would never answer
            out.write(new byte[64 * 1024]);
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            String status = new String(head, StandardCharsets.US_ASCII);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(status.startsWith("HTTP/1.1 403"), status);
            assertTrue(millis < 10_000, millis + " ms");
        }
        // and through an ordinary client, the whole body sent: a problem, nothing stored
        given().auth().oauth2(VIEWER).contentType("application/pdf").header("X-File-Name", "a.pdf").body(TestFiles.pdfOfSize("x", TEN_MIB))
                .put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/files").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aDossierCannotGrowPastItsTotal() {
        long id = draft();
        // four files of 9.5 MiB: 38 MiB, under the 40M a dossier holds; a fifth would pass it
        for (int i = 0; i < 4; i++) {
            upload(id, "phu-luc-" + i + ".pdf", TestFiles.pdfOfSize("phụ lục " + i, TEN_MIB * 95 / 100)).then().statusCode(201);
        }
        upload(id, "phu-luc-4.pdf", TestFiles.pdfOfSize("phụ lục 4", TEN_MIB * 95 / 100)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", containsString("dossier-too-large"))
                .body("detail", containsString("41943040"));
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType("application/pdf").header("X-File-Name", "y.pdf")
                .body(TestFiles.pdfOfSize("phụ lục 5", TEN_MIB * 95 / 100)).post(PROPOSALS + "/" + id + "/files").then().statusCode(413)
                .body("detail", containsString("total allowed for one dossier"));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/files").then().statusCode(200).body("size()", equalTo(4));
    }

    @Test
    void aPdfWithHtmlAfterItsEndIsRefusedAndANameLosesItsDirectories() {
        long id = draft();
        byte[] pdf = TestFiles.pdf("báo cáo");
        byte[] polyglot = (new String(pdf, StandardCharsets.ISO_8859_1) + "<html><script>alert(1)</script></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        upload(id, "a.pdf", polyglot).then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("dossier-file-not-pdf"));
        long file = upload(id, "../../../../p2.pdf", pdf).then().statusCode(201).body("fileName", equalTo("p2.pdf"))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/files/" + file).then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"p2.pdf\"; filename*=UTF-8''p2.pdf"));
        long vietnamese = upload(id, "Báo cáo \"tổng kết\"; filename*=x.pdf", pdf).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String disposition = given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/files/" + vietnamese).then().statusCode(200)
                .extract().header("Content-Disposition");
        assertTrue(disposition.matches("attachment; filename=\"[^\"\\\\]*\"; filename\\*=UTF-8''[A-Za-z0-9!#$&+\\-.^_`|~%]*"), disposition);
    }

    private static io.restassured.response.Response upload(long id, String name, byte[] content) {
        return given().auth().oauth2(BOARD).contentType("application/pdf").header("X-File-Name", name).body(content)
                .post(PROPOSALS + "/" + id + "/files");
    }
}
