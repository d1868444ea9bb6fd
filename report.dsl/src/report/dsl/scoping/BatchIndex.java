package report.dsl.scoping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.ChunkedResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.resource.persistence.SerializableEObjectDescription;
import org.eclipse.xtext.resource.persistence.SerializableResourceDescription;

import report.dsl.report.ReportPackage.Literals;

/**
 * The reports and report types of every file checked together, by name, for a batch that checks a large folder chunk
 * by chunk: each chunk's resource set carries the index, so that `遵循` and `上年报告` are one map lookup and find a file
 * of another chunk (which is then loaded into this chunk's resource set when first resolved), and a name is unique
 * across the whole folder, not just the chunk. Only reports and report types are found across files; everything else
 * resolves within its report type.
 */
public final class BatchIndex extends ChunkedResourceDescriptions {

	private static final long serialVersionUID = 1L;

	private static final String CHUNK = "batch";

	public BatchIndex(Iterable<IResourceDescription> files) {
		super(Map.of(CHUNK, new ResourceDescriptionsData(files)));
	}

	private BatchIndex(Map<String, ResourceDescriptionsData> data, ResourceSet resourceSet) {
		super(data, resourceSet);
	}

	/** This index, attached to the resource set, where the global scope and the validator find it. */
	@Override
	public BatchIndex createShallowCopyWith(ResourceSet resourceSet) {
		return new BatchIndex(chunk2resourceDescriptions, resourceSet);
	}

	/** The index a batch attached to the resource set; none outside a batch (the editors, small checks). */
	public static Optional<BatchIndex> of(ResourceSet resourceSet) {
		return findInEmfObject(resourceSet) instanceof BatchIndex index ? Optional.of(index) : Optional.empty();
	}

	/** What other files can refer to in a file, copied so that the index does not keep the file's resource loaded. */
	public static IResourceDescription linkable(IResourceDescription file) {
		List<IEObjectDescription> exported = new ArrayList<>();
		for (EClass type : List.of(Literals.REPORT, Literals.REPORT_TYPE)) {
			file.getExportedObjectsByType(type).forEach(exported::add);
		}
		return linkable(file.getURI(), exported);
	}

	/** A file's entry in the index: the reports and report types it exports, in the order given, holding no object. */
	public static IResourceDescription linkable(URI file, List<IEObjectDescription> exported) {
		List<SerializableEObjectDescription> copies = new ArrayList<>(exported.size());
		for (IEObjectDescription element : exported) {
			SerializableEObjectDescription copy = new SerializableEObjectDescription();
			copy.setEObjectURI(element.getEObjectURI());
			copy.setEClass(element.getEClass());
			copy.setQualifiedName(element.getQualifiedName());
			HashMap<String, String> userData = new HashMap<>();
			for (String key : element.getUserDataKeys()) {
				userData.put(key, element.getUserData(key));
			}
			copy.setUserData(userData);
			copies.add(copy);
		}
		SerializableResourceDescription copy = new SerializableResourceDescription();
		copy.setURI(file);
		copy.setDescriptions(copies);
		copy.setImportedNames(List.of());
		copy.setReferences(List.of());
		return copy;
	}
}
