package report.dsl.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A published file into the cell grid, by its content (what the file's first bytes and, for Office files, its parts
 * say), its extension telling only the text formats apart (plain text, HTML, Markdown). Damaged, password-protected and scanned files are
 * {@link UnreadableDocumentException}s with the reason.
 */
public final class PublishedDocument {

	private static final Set<String> DOCUMENTS = Set.of("docx", "pdf", "xlsx");

	private PublishedDocument() {
	}

	/**
	 * Whether a file of this name is one a folder given to `report import` is searched for: the forms a report is
	 * published in, as text, Word or PDF (a workbook holds tables only, and is read when named, or with --tables).
	 */
	public static boolean isPublished(String fileName) {
		return ReportImporter.isPublished(fileName) || Set.of("docx", "pdf").contains(extension(fileName));
	}

	public static List<GridRow> read(String fileName, byte[] bytes) throws UnreadableDocumentException {
		String extension = extension(fileName);
		FileMagic magic = FileMagic.valueOf(bytes);
		try {
			switch (magic) {
			case PDF:
				return PdfReader.read(bytes);
			case OOXML:
				return switch (officeKind(bytes)) {
				case "word" -> DocxReader.read(bytes);
				case "xl" -> XlsxReader.read(bytes);
				default -> throw new UnreadableDocumentException("是压缩包，但既不是 Word（.docx）也不是 Excel（.xlsx）文件，无法导入");
				};
			case OLE2:
				throw new UnreadableDocumentException(isEncrypted(bytes) ? "有密码保护，无法读取；请去掉密码后再导入"
						: "是旧版 Office 文件（.doc 或 .xls），无法导入；请另存为 .docx 或 .xlsx 后再导入");
			default:
				if (DOCUMENTS.contains(extension)) {
					throw new UnreadableDocumentException("不是有效的 " + extension.toUpperCase(Locale.ROOT) + " 文件，可能已损坏");
				}
				return ReportImporter.grid(fileName, bytes);
			}
		} catch (IOException | RuntimeException e) {
			// the document libraries report a damaged file as whichever exception their parser met first
			throw new UnreadableDocumentException("无法读取（" + kind(magic, extension) + "已损坏或格式不对）：" + firstLine(e));
		}
	}

	/** Whether the bytes are an Excel workbook (.xlsx). */
	public static boolean isWorkbook(byte[] bytes) {
		try {
			return FileMagic.valueOf(bytes) == FileMagic.OOXML && officeKind(bytes).equals("xl");
		} catch (IOException e) {
			return false;
		}
	}

	/** A workbook's sheets, each its rows; a damaged workbook is an {@link UnreadableDocumentException}. */
	public static List<XlsxReader.SheetRows> sheets(byte[] workbook) throws UnreadableDocumentException {
		try {
			return XlsxReader.sheets(workbook);
		} catch (IOException | RuntimeException e) {
			throw new UnreadableDocumentException("无法读取（Excel 文件已损坏或格式不对）：" + firstLine(e));
		}
	}

	private static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** "word" or "xl": the folder an Office Open XML package keeps its main part in. */
	private static String officeKind(byte[] bytes) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("word/document.xml")) {
					return "word";
				}
				if (entry.getName().equals("xl/workbook.xml")) {
					return "xl";
				}
			}
		}
		return "";
	}

	/** An OLE2 file that holds an encrypted Office Open XML package, as Word and Excel save a file with a password. */
	private static boolean isEncrypted(byte[] bytes) {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
			return fs.getRoot().hasEntry("EncryptionInfo");
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static String kind(FileMagic magic, String extension) {
		return switch (magic) {
		case PDF -> "PDF 文件";
		case OOXML -> "Office 文件";
		default -> extension.isEmpty() ? "文件" : extension.toUpperCase(Locale.ROOT) + " 文件";
		};
	}

	private static String firstLine(Throwable e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return message.lines().findFirst().orElse("").strip();
	}
}
