package report.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import report.dsl.report.ReportPackage;
import report.dsl.resource.ReportResource;

/** Base of the validators composed into {@link ReportValidator}: they register through it, not alone. */
abstract class ConcernValidator extends AbstractDeclarativeValidator {

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(ReportPackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into ReportValidator
	}

	/**
	 * Whether the text around the object did not parse: the parser then drops what follows the error, so checks that
	 * something is absent, or that figures balance, would report what the author did write. The syntax error is the
	 * one message such a file gets until it is fixed.
	 */
	protected static boolean damaged(EObject object) {
		Resource resource = object.eResource();
		return resource != null && resource.getErrors().stream()
				.anyMatch(error -> error instanceof XtextSyntaxDiagnostic || error instanceof ReportResource.EncodingDiagnostic);
	}
}
