package vn.thidua.platform.web.openapi;

/**
 * Texts and names the services' OpenAPI annotations share, so that the same thing reads the same in
 * every operation of the contract (docs/api/README.md). Compile-time constants: annotations take no other.
 */
public final class ApiDocs {
    /** The response header every versioned resource carries, declared once ({@link ContractFilter}, components/headers). */
    public static final String ETAG = "ETag";
    /** The {@code $ref} of {@link #ETAG} for {@code @Header(name = ETAG, ref = ETAG_REF)}. */
    public static final String ETAG_REF = "#/components/headers/" + ETAG;

    /** {@code If-Match} where the code answers 428 without it ({@code Versions.required}). */
    public static final String IF_MATCH_REQUIRED = "The `ETag` of the version the change is based on (read it first). "
            + "Required: without it the answer is 428; when it is no longer the current version, 412.";
    /** {@code If-Match} where the change applies to whatever is current without it ({@code Versions.requireMatch}). */
    public static final String IF_MATCH_OPTIONAL = "The `ETag`(s) of the versions the change may apply to (`\"3\"`, `W/\"3\"`, a list, or `*`). "
            + "Optional: without it the change applies to the current version; when none named is current, 412.";
    /** {@code If-Match} on a create-or-replace: 428 only to replace something that exists. */
    public static final String IF_MATCH_TO_REPLACE = "The `ETag` of the version being replaced. Not needed to create; "
            + "required to replace one that exists (428 without it, 412 when it is no longer current).";

    /**
     * Marks a documented response that has no body, {@code extensions = @Extension(name = NO_BODY, value = "true")}:
     * smallrye gives an operation returning {@code Response} an empty JSON schema, which {@link ContractFilter} removes here.
     */
    public static final String NO_BODY = "x-thidua-no-body";

    public static final String PDF = "application/pdf";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv; charset=UTF-8";

    /** A unit code (mã định danh điện tử) as the services read it: digits, letters and dots; lower case is forgiven. */
    public static final String UNIT_CODE_PATTERN = "^[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*$";
    public static final int UNIT_CODE_MAX_LENGTH = 35;
    /** The confidence tag of a legal value's source (V, V2, M, ?), as the awards rules give it. */
    public static final String TAG_DESCRIPTION = "How sure the source is (docs/process.md): V the cited text says it, V2 a secondary copy says it, M background knowledge, ? uncertain.";

    private ApiDocs() {
    }
}
