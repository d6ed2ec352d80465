package vn.thidua.awards.portal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;

/** The portal's dossier endpoint, as a REST client; its base URI is {@code thidua.portal.url} itself. */
interface PortalApi {

    /** The body is sent as the exact bytes that were signed, streamed from the file they were written to. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response deliver(@HeaderParam("Idempotency-Key") String idempotencyKey,
                     @HeaderParam("Thidua-Delivery-Id") String deliveryId,
                     @HeaderParam(Signature.TIMESTAMP_HEADER) String timestamp,
                     @HeaderParam(Signature.SIGNATURE_HEADER) String signature,
                     File body);
}
