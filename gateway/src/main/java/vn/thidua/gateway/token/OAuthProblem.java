package vn.thidua.gateway.token;

/**
 * A refusal of the token endpoint. It is answered as problem+json that also carries RFC 6749's
 * {@code error} and {@code error_description}, so both kinds of client understand it.
 */
public class OAuthProblem extends RuntimeException {

    /** The error codes of RFC 6749, 5.2, with the status each is answered with. */
    public enum Code {
        INVALID_REQUEST(400, "invalid_request"),
        INVALID_CLIENT(401, "invalid_client"),
        INVALID_GRANT(400, "invalid_grant"),
        UNSUPPORTED_GRANT_TYPE(400, "unsupported_grant_type");

        final int status;
        final String error;

        Code(int status, String error) {
            this.status = status;
            this.error = error;
        }

        /** The problem type slug, e.g. {@code invalid-grant}. */
        String slug() {
            return error.replace('_', '-');
        }
    }

    private final Code code;
    private final String messageKey;
    private final transient Object[] args;
    private final boolean basicChallenge;

    private OAuthProblem(Code code, boolean basicChallenge, String messageKey, Object... args) {
        super(code.error + " " + messageKey);
        this.code = code;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.basicChallenge = basicChallenge;
    }

    static OAuthProblem invalidRequest(String messageKey, Object... args) {
        return new OAuthProblem(Code.INVALID_REQUEST, false, messageKey, args);
    }

    /** {@code viaBasic}: the client tried HTTP Basic, so the answer must challenge it (RFC 6749, 5.2). */
    static OAuthProblem invalidClient(boolean viaBasic) {
        return new OAuthProblem(Code.INVALID_CLIENT, viaBasic, "oauth.invalid-client");
    }

    static OAuthProblem invalidGrant() {
        return new OAuthProblem(Code.INVALID_GRANT, false, "oauth.invalid-grant");
    }

    /** Unknown, expired, spent or revoked: the client must log in again, whichever it was. */
    static OAuthProblem invalidRefreshToken() {
        return new OAuthProblem(Code.INVALID_GRANT, false, "oauth.invalid-refresh-token");
    }

    static OAuthProblem unsupportedGrantType() {
        return new OAuthProblem(Code.UNSUPPORTED_GRANT_TYPE, false, "oauth.unsupported-grant-type");
    }

    public Code code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public boolean basicChallenge() {
        return basicChallenge;
    }
}
