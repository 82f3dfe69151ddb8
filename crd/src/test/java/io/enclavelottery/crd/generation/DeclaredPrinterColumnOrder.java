package io.enclavelottery.crd.generation;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders a CRD's printer columns as its resource class declares its {@link
 * AdditionalPrinterColumn}s ({@code kubectl get} shows them in that order).
 */
final class DeclaredPrinterColumnOrder implements CRDPostProcessor {

  private final List<String> declaredNames;

  DeclaredPrinterColumnOrder(Class<?> resourceClass) {
    declaredNames =
        List.of(resourceClass.getAnnotationsByType(AdditionalPrinterColumn.class)).stream()
            .map(AdditionalPrinterColumn::name)
            .toList();
  }

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    for (CustomResourceDefinitionVersion version :
        ((CustomResourceDefinition) crd).getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns =
          new ArrayList<>(version.getAdditionalPrinterColumns());
      for (CustomResourceColumnDefinition column : columns) {
        if (!declaredNames.contains(column.getName())) {
          throw new IllegalStateException(
              "printer column " + column.getName() + " is not declared on the resource class");
        }
      }
      columns.sort(Comparator.comparingInt(column -> declaredNames.indexOf(column.getName())));
      version.setAdditionalPrinterColumns(columns);
    }
    return crd;
  }
}
