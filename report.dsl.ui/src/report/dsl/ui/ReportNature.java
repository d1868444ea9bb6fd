package report.dsl.ui;

import java.util.Arrays;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

/** Projects with report files checked by the report.dsl builder. */
public class ReportNature implements IProjectNature {

	public static final String ID = "report.dsl.ui.nature";

	private IProject project;

	/**
	 * What a wizard does with the report it wrote: the project gets the builder (optional: the file is there
	 * without it), and the file opens in the editor of the workbench's active page.
	 */
	public static void configureAndOpen(IWorkbench workbench, IFile file) {
		try {
			addTo(file.getProject());
		} catch (CoreException e) {
			// the file is there; the builder is optional
		}
		IWorkbenchPage active = workbench == null || workbench.getActiveWorkbenchWindow() == null ? null
				: workbench.getActiveWorkbenchWindow().getActivePage();
		if (active != null) {
			try {
				IDE.openEditor(active, file);
			} catch (PartInitException e) {
				// written anyway
			}
		}
	}

	/** Adds the nature (and with it the builder) to a project, if it lacks it. */
	public static void addTo(IProject project) throws CoreException {
		if (project.hasNature(ID)) {
			return;
		}
		IProjectDescription description = project.getDescription();
		String[] natures = Arrays.copyOf(description.getNatureIds(), description.getNatureIds().length + 1);
		natures[natures.length - 1] = ID;
		description.setNatureIds(natures);
		project.setDescription(description, null);
	}

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		ICommand[] commands = description.getBuildSpec();
		for (ICommand command : commands) {
			if (ReportBuilder.ID.equals(command.getBuilderName())) {
				return;
			}
		}
		ICommand command = description.newCommand();
		command.setBuilderName(ReportBuilder.ID);
		ICommand[] updated = Arrays.copyOf(commands, commands.length + 1);
		updated[commands.length] = command;
		description.setBuildSpec(updated);
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		description.setBuildSpec(Arrays.stream(description.getBuildSpec())
				.filter(c -> !ReportBuilder.ID.equals(c.getBuilderName())).toArray(ICommand[]::new));
		project.setDescription(description, null);
		project.deleteMarkers(ReportBuilder.MARKER, true, IProject.DEPTH_INFINITE);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
