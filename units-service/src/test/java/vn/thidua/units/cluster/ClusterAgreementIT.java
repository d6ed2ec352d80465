package vn.thidua.units.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.thidua.units.cluster.ClusterFixtures.BOARD;
import static vn.thidua.units.cluster.ClusterFixtures.createCluster;
import static vn.thidua.units.cluster.ClusterFixtures.newUnit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class ClusterAgreementIT {
    private static final String PROBLEMS = "https://thidua.vn/problems/";
    private static final int TEN_MIB = 10 * 1024 * 1024;

    @Test
    void recordsTheAgreementSignedByMembers() {
        String hoi = newUnit("Hội giao ước");
        String doan = newUnit("Đoàn giao ước");
        String outsider = newUnit("Ban ngoài giao ước");
        long id = createCluster(2023, hoi, doan);

        agreement(id, "2022-12-29", List.of(hoi, doan)).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("agreement.signedOn", equalTo("2022-12-29"))
                .body("agreement.signatories.name", contains("Đoàn giao ước", "Hội giao ước"))
                .body("agreement.document", nullValue());

        agreement(id, "2023-01-15", List.of(hoi, outsider)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-agreement-signatory-not-member"))
                .body("detail", containsString(outsider));
        agreement(id, "2021-12-30", List.of(hoi)).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-agreement-date"));
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
        long current = createCluster(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).getYear(), hoi);
        agreement(current, tomorrow, List.of(hoi)).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-agreement-date"));
        agreement(id, null, List.of(hoi)).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-agreement"));
        agreement(id, "2023-01-15", List.of()).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-agreement"));
        agreement(id, "15/01/2023", List.of(hoi)).then().statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));

        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().header("ETag", equalTo("\"1\""))
                .body("agreement.signedOn", equalTo("2022-12-29"))
                .body("agreement.signatories.code", contains(doan, hoi));
    }

    @Test
    void storesTheSignedPdfWithItsSha256() throws Exception {
        String hoi = newUnit("Hội văn bản giao ước");
        long id = createCluster(2024, hoi);
        byte[] pdf = pdf(4096);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        upload(id, pdf).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("agreement.signedOn", nullValue())
                .body("agreement.document.sha256", equalTo(sha256))
                .body("agreement.document.size", equalTo(pdf.length));

        Response document = given().auth().oauth2(TestTokens.unitRep("rep-van-ban", hoi))
                .when().get("/api/clusters/" + id + "/agreement/document");
        document.then().statusCode(200)
                .contentType("application/pdf")
                .header("ETag", equalTo("\"" + sha256 + "\""))
                .header("Repr-Digest", equalTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":"));
        assertArrayEquals(pdf, document.asByteArray());
        assertEquals(sha256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.asByteArray())));

        given().auth().oauth2(BOARD).header("If-None-Match", "\"" + sha256 + "\"")
                .when().get("/api/clusters/" + id + "/agreement/document").then().statusCode(304);

        // a corrected scan replaces the document
        byte[] corrected = pdf(5000);
        upload(id, corrected).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("agreement.document.size", equalTo(corrected.length));
        assertArrayEquals(corrected, given().auth().oauth2(BOARD).when().get("/api/clusters/" + id + "/agreement/document")
                .then().statusCode(200).extract().asByteArray());
    }

    @Test
    void refusesWhatIsNotAPdf() {
        long id = createCluster(2025);
        upload(id, "PK\u0003\u0004 a zip file".getBytes(StandardCharsets.ISO_8859_1)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-agreement-not-pdf"));
        upload(id, "%PD".getBytes(StandardCharsets.US_ASCII)).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "cluster-agreement-not-pdf"));
        upload(id, new byte[0]).then().statusCode(400).body("type", equalTo(PROBLEMS + "missing-body"));
        // a PDF header on something else, and a PDF with HTML after its end, are not PDFs either
        upload(id, "%PDF-1.7\n<html>giao ước</html>\n%%EOF\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "cluster-agreement-not-pdf"));
        byte[] polyglot = (new String(pdf(2048), StandardCharsets.ISO_8859_1).strip() + "<script>alert(1)</script>").getBytes(StandardCharsets.ISO_8859_1);
        upload(id, polyglot).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-agreement-not-pdf"));
        given().auth().oauth2(BOARD).contentType("text/plain").body("%PDF-1.7")
                .when().put("/api/clusters/" + id + "/agreement/document")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id + "/agreement/document")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-agreement-document-not-found"));
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id).then().header("ETag", equalTo("\"0\""))
                .body("agreement", nullValue());
    }

    @Test
    void acceptsUpToTheConfiguredSizeAndRefusesMoreWith413() {
        long id = createCluster(2026);
        upload(id, pdf(TEN_MIB)).then().statusCode(200).body("agreement.document.size", equalTo(TEN_MIB));
        given().auth().oauth2(BOARD).contentType("application/pdf").header("Accept-Language", "en")
                .body(pdf(TEN_MIB + 1))
                .when().put("/api/clusters/" + id + "/agreement/document")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-agreement-document-too-large"))
                .body("detail", containsString(String.valueOf(TEN_MIB)));
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().header("ETag", equalTo("\"1\"")).body("agreement.document.size", equalTo(TEN_MIB));
    }

    private static Response agreement(long id, String signedOn, List<String> signatories) {
        Map<String, Object> body = new HashMap<>();
        body.put("signedOn", signedOn);
        body.put("signatories", signatories);
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body)
                .when().put("/api/clusters/" + id + "/agreement");
    }

    private static Response upload(long id, byte[] content) {
        return given().auth().oauth2(BOARD).contentType("application/pdf").body(content)
                .when().put("/api/clusters/" + id + "/agreement/document");
    }

    /** A valid PDF of the given size. */
    private static byte[] pdf(int size) {
        return vn.thidua.devstack.testing.TestFiles.pdfOfSize("giao ước " + size, size);
    }
}
