package id.go.kapuaskab.lupapassphrase.security;

import java.util.Date;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The repository service, whoever deploys (Camunda Modeler, REST, Cockpit): a deployment that names an
 * activation time or a tenant is refused with 400 before anything is deployed. Both would take the SOP
 * out of service: a version with an activation time is suspended until then, and new requests open on
 * the latest version; a version for a tenant is a second SOP beside the one every request, form and
 * report of this service reads, which has no tenant. The application itself uses neither. An empty tenant
 * field is no tenant.
 */
class GuardedRepositoryService extends RepositoryServiceImpl {

  private static final String REFUSED = "Deployment ditolak, tidak ada yang dipasang: ";

  @Override
  public DeploymentBuilder createDeployment() {
    return new DeploymentBuilderImpl(this) {

      @Override
      public DeploymentBuilder activateProcessDefinitionsOn(Date date) {
        throw new RefusedCallException(RefusedCallException.BAD_REQUEST, REFUSED + "waktu aktivasi "
            + "(deployment-activation-time) tidak dipakai layanan ini. Versi SOP berlaku begitu dipasang; dengan "
            + "waktu aktivasi, permohonan baru tidak dapat dibuka sampai waktu itu. Kosongkan waktu aktivasinya.");
      }

      @Override
      public DeploymentBuilder tenantId(String tenantId) {
        if (tenantId == null || tenantId.isEmpty()) {
          return this; // an empty field (the REST API passes it on as ""), which the engine would take as a tenant
        }
        throw new RefusedCallException(RefusedCallException.BAD_REQUEST, REFUSED + "layanan ini tidak memakai "
            + "tenant (tenant-id '" + tenantId + "'): SOP dipasang tanpa tenant. Kosongkan Tenant ID-nya.");
      }
    };
  }
}
