package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.impl.EValidatorRegistryImpl;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.emf.ecore.util.EcoreValidator;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.batch.ReportBatch;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportPackage;

/**
 * The checker leaves out EMF's default constraints (multiplicities, data values, dangling and paired references, keys)
 * because they can find nothing in this language: its metamodel gives them nothing to check, and run on the examples,
 * on files with errors of every kind and on the shipped library, they find nothing.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class EObjectConstraintsTest {

	/** Ecore's types whose values EcoreValidator accepts whatever they are. */
	private static final Set<EDataType> UNCONSTRAINED = Set.of(EcorePackage.Literals.ESTRING, EcorePackage.Literals.EBOOLEAN,
			EcorePackage.Literals.EINT, EcorePackage.Literals.EBIG_DECIMAL);

	@Inject
	private ReportBatch batch;

	@Inject
	private ParseHelper<ReportFile> parseHelper;

	@Inject
	private Provider<CompositeEValidator> validators;

	@Test
	void theMetamodelGivesTheDefaultConstraintsNothingToCheck() {
		for (EClassifier classifier : ReportPackage.eINSTANCE.getEClassifiers()) {
			if (classifier instanceof EClass type) {
				assertFalse(type.getInstanceClassName() != null && type.getInstanceClassName().equals("java.util.Map$Entry"),
						type::getName);
				for (EStructuralFeature feature : type.getEStructuralFeatures()) {
					String name = type.getName() + "." + feature.getName();
					assertEquals(0, feature.getLowerBound(), name);
					assertTrue(feature.getUpperBound() == 1 || feature.getUpperBound() == EStructuralFeature.UNBOUNDED_MULTIPLICITY, name);
					if (feature instanceof EReference reference) {
						assertNull(reference.getEOpposite(), name);
						assertTrue(reference.getEKeys().isEmpty(), name);
					} else if (feature instanceof EAttribute attribute) {
						assertFalse(attribute.isID(), name);
						assertTrue(attribute.getEAttributeType() instanceof EEnum || UNCONSTRAINED.contains(attribute.getEAttributeType()),
								name);
					}
				}
			} else {
				assertTrue(classifier instanceof EEnum, classifier::getName);
			}
		}
	}

	@Test
	void theCheckerRunsNoDefaultConstraints() {
		CompositeEValidator validator = validators.get();
		assertFalse(validator.isUseEObjectValidator());
		assertTrue(validator.getContents().isEmpty(), () -> validator.getContents().toString()); // a new one holds its defaults only
	}

	@Test
	void theDefaultConstraintsFindNothingInTheExamplesOrInFilesWithErrors() throws Exception {
		ReportBatch.Loaded loaded = batch.load(ReportBatch.collect(List.of(Path.of("..", "examples"), Path.of("resources"))));
		List<Resource> resources = new ArrayList<>(loaded.resources().values());
		ResourceSet resourceSet = resources.get(0).getResourceSet();
		String example = Files.readString(Path.of("..", "examples", "003-liaocheng-kaifaqu-2023.report"));
		for (String damaged : List.of(example.replaceFirst("遵循 \\S+", "遵循 没有的类型"), // a type that does not resolve
				example.replaceFirst("\\[([^\\]=]+)", "[没有的行"), // a binding to nothing
				example.replaceFirst("(三\\.一:\\s+)14", "$1十四"), // a word for a number
				example.replaceFirst("年度 2023", "年度 99999999999"), // a year too long for a number
				example.substring(0, example.length() / 2))) { // cut off mid-report
			resources.add(parseHelper.parse(damaged.replaceFirst("(?m)^报告 (\\S+)", "报告 $1_" + resources.size()), resourceSet)
					.eResource());
		}
		resources.forEach(EcoreUtil2::resolveAll);
		for (Resource resource : List.copyOf(resourceSet.getResources())) { // the library and every report
			for (EObject root : resource.getContents()) {
				Diagnostic found = defaultConstraints().validate(root);
				assertEquals(Diagnostic.OK, found.getSeverity(), () -> resource.getURI() + ": " + found.getChildren());
			}
		}
	}

	/** EMF's default constraints as Xtext runs them when asked to: without those on proxies and containment cycles. */
	private static Diagnostician defaultConstraints() {
		EValidator.Registry registry = new EValidatorRegistryImpl();
		registry.put(EcorePackage.eINSTANCE, EcoreValidator.INSTANCE);
		registry.put(ReportPackage.eINSTANCE, new EObjectValidator() {
			@Override
			public boolean validate_EveryProxyResolves(EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
				return true;
			}

			@Override
			public boolean validate_NoCircularContainment(EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
				return true;
			}
		});
		return new Diagnostician(registry);
	}
}
