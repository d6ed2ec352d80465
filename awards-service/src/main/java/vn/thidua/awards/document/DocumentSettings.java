package vn.thidua.awards.document;

import io.smallrye.config.ConfigMapping;

/**
 * What the province's documents say of who writes them and to whom, which changes with the
 * province and its reorganisations (law-2025.md §5: the receiving body's name is data), set by
 * configuration ({@code THIDUA_DOCUMENTS_PLACE}, {@code THIDUA_DOCUMENTS_RECEIVING_BODY}).
 */
@ConfigMapping(prefix = "thidua.documents")
public interface DocumentSettings {

    /** The place written before the date of a document ("Thanh Hóa, ngày ..."): the province's name. */
    String place();

    /** The body through which a cover submission reaches the deciding authority, e.g. "Sở Nội vụ (Phòng Thi đua – Khen thưởng)". */
    String receivingBody();
}
