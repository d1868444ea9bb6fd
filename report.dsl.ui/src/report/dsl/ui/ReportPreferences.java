package report.dsl.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** The settings of Window › Preferences › report.dsl, kept in the workspace's instance scope of this bundle. */
public final class ReportPreferences {

	/** The font file the document outputs (docx's chart, pdf) use, as `report build --font`; empty: the system's. */
	public static final String FONT = "font";

	private static ScopedPreferenceStore store;

	private ReportPreferences() {
	}

	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, ReportUi.PLUGIN_ID);
		}
		return store;
	}

	/** The font file the user chose, if any. */
	public static Optional<Path> font() {
		String font = store().getString(FONT).strip();
		return font.isEmpty() ? Optional.empty() : Optional.of(Path.of(font));
	}
}
