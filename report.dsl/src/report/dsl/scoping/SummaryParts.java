package report.dsl.scoping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import report.dsl.batch.ReportBatch;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.Summary;

/**
 * The reports a summary report adds up, the one place that finds them: the reports it names (linked as any
 * reference), or the reports of the folder it names, looked up in the index of the files checked together, once
 * per state of the summary's file.
 */
@Singleton
public class SummaryParts {

	/** The reports found, and the report files of a named folder that are not among the files checked. */
	public record Found(List<Report> reports, List<String> unchecked) {
	}

	@Inject
	private ResourceDescriptionsProvider resourceDescriptions;

	@Inject
	private IResourceScopeCache cache;

	public Found of(Report summary) {
		Summary declaration = summary.getSummary();
		if (declaration == null) {
			return new Found(List.of(), List.of());
		}
		if (declaration.getFolder() == null) {
			return new Found(declaration.getParts().stream().filter(part -> part != null && !part.eIsProxy()).toList(), List.of());
		}
		return cache.get(Tuples.create(SummaryParts.class, summary), summary.eResource(), () -> inFolder(summary, declaration.getFolder()));
	}

	/** The folder a summary names, relative to the summary's own file. */
	public static URI folder(Report summary, String folder) {
		URI uri = summary.eResource().getURI().trimSegments(1);
		for (String segment : folder.split("[/\\\\]")) {
			if (segment.equals("..") && uri.segmentCount() > 0) {
				uri = uri.trimSegments(1);
			} else if (!segment.isEmpty() && !segment.equals(".")) {
				uri = uri.appendSegment(segment);
			}
		}
		return uri;
	}

	private Found inFolder(Report summary, String folderText) {
		URI folder = folder(summary, folderText);
		String wanted = URI.decode(folder.toString());
		IResourceDescriptions index = resourceDescriptions.getResourceDescriptions(summary.eResource());
		List<Report> reports = new ArrayList<>();
		Set<String> indexed = new HashSet<>();
		for (IResourceDescription file : index.getAllResourceDescriptions()) {
			URI uri = file.getURI();
			if (uri.segmentCount() == 0 || !URI.decode(uri.trimSegments(1).toString()).equals(wanted)) {
				continue;
			}
			indexed.add(URI.decode(uri.lastSegment()));
			for (IEObjectDescription description : file.getExportedObjectsByType(Literals.REPORT)) {
				EObject report = EcoreUtil.resolve(description.getEObjectOrProxy(), summary);
				if (report instanceof Report part && !part.eIsProxy() && part != summary) {
					reports.add(part);
				}
			}
		}
		reports.sort((a, b) -> a.eResource().getURI().toString().compareTo(b.eResource().getURI().toString()));
		return new Found(List.copyOf(reports), unchecked(folder, indexed));
	}

	/** The report files on disk in the folder that the index does not hold: their reports are not in the sum. */
	private static List<String> unchecked(URI folder, Set<String> indexed) {
		if (!folder.isFile()) {
			return List.of();
		}
		try (Stream<Path> listing = Files.list(Path.of(folder.toFileString()))) {
			return listing.map(path -> path.getFileName().toString())
					.filter(name -> name.endsWith(ReportBatch.EXTENSION) && !indexed.contains(name)).sorted().toList();
		} catch (IOException e) {
			return List.of();
		}
	}
}
