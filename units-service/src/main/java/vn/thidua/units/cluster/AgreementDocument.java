package vn.thidua.units.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The signed agreement's PDF, apart from {@link ClusterYear} so that reading a cluster-year never
 * loads the bytes. Its SHA-256, size and upload time are on the cluster-year.
 */
@Entity
@Table(name = "cluster_agreement_document")
public class AgreementDocument extends PanacheEntityBase {

    @Id
    @Column(name = "cluster_year_id")
    public Long clusterYearId;

    @Column(nullable = false)
    public byte[] content;

    protected AgreementDocument() {
    }

    static AgreementDocument of(long clusterYearId, byte[] content) {
        AgreementDocument document = new AgreementDocument();
        document.clusterYearId = clusterYearId;
        document.content = content;
        return document;
    }
}
