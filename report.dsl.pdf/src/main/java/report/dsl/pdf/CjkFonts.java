package report.dsl.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import report.dsl.generator.DocumentException;

/**
 * The two Chinese faces a PDF embeds, opened for one document: the body face (仿宋 as GB/T 9704 sets the body, else a
 * 宋体) and the heading face (黑体), found where Windows, macOS and Debian install them, or the one file the user names.
 * Only TrueType outlines qualify: PDFBox subsets no CFF outlines, so Noto CJK and Source Han (OpenType/CFF) are passed
 * over.
 */
final class CjkFonts implements Closeable {

	/** Most wanted first; Windows' folder is read from %WINDIR%. */
	private static final List<String> BODY = List.of("{win}/Fonts/simfang.ttf", "/Library/Fonts/Microsoft/Fangsong.ttf",
			"{win}/Fonts/simsun.ttc", "/System/Library/Fonts/Supplemental/Songti.ttc", "/Library/Fonts/Songti.ttc",
			"/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
	private static final List<String> HEADING = List.of("{win}/Fonts/simhei.ttf", "/Library/Fonts/Microsoft/SimHei.ttf",
			"/System/Library/Fonts/STHeiti Medium.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

	private final List<Closeable> open = new ArrayList<>();
	/** By file, so that a file found for both roles is embedded once. */
	private final Map<Path, Optional<TrueTypeFont>> read = new HashMap<>();
	private final TrueTypeFont body;
	private final TrueTypeFont heading;

	CjkFonts(Optional<Path> named, List<String> bodyCandidates, List<String> headingCandidates) {
		try {
			if (named.isPresent()) {
				body = usable(named.get()).orElseThrow(() -> new DocumentException("字体文件「" + named.get()
						+ "」不可用：需要含中文字形、TrueType 轮廓的字体文件（.ttf 或 .ttc，如 simfang.ttf、simsun.ttc、uming.ttc）"));
				heading = body;
			} else {
				body = first(bodyCandidates).orElseThrow(() -> new DocumentException(
						"没有找到可嵌入 PDF 的中文字体：请安装 fonts-arphic-uming 或 fonts-wqy-zenhei（Debian），或用 --font 指定一个"
								+ "含中文字形、TrueType 轮廓的字体文件（如 Windows 的 simfang.ttf、simsun.ttc）"));
				heading = first(headingCandidates).orElse(body);
			}
		} catch (RuntimeException e) {
			close();
			throw e;
		}
	}

	/** The faces for one document; close them when it is written. */
	static CjkFonts open(Optional<Path> named) {
		return new CjkFonts(named, BODY, HEADING);
	}

	TrueTypeFont body() {
		return body;
	}

	TrueTypeFont heading() {
		return heading;
	}

	/** The characters of {@code text} that neither face draws, for the one message that names them. */
	String missing(String text) {
		StringBuilder missing = new StringBuilder();
		text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c)).distinct()
				.filter(c -> !draws(body, c) && !draws(heading, c)).limit(10).forEach(missing::appendCodePoint);
		return missing.toString();
	}

	private static boolean draws(TrueTypeFont font, int codePoint) {
		try {
			return font.getUnicodeCmapLookup().getGlyphId(codePoint) != 0;
		} catch (IOException e) {
			return false;
		}
	}

	private Optional<TrueTypeFont> first(List<String> candidates) {
		String windows = Optional.ofNullable(System.getenv("WINDIR")).orElse("C:/Windows");
		return candidates.stream().map(c -> Path.of(c.replace("{win}", windows))).filter(Files::isRegularFile)
				.flatMap(file -> usable(file).stream()).findFirst();
	}

	/** The file's face with Chinese glyphs in TrueType outlines (a collection's simplified-Chinese face first), if any. */
	private Optional<TrueTypeFont> usable(Path file) {
		Path key = file.toAbsolutePath().normalize();
		if (!read.containsKey(key)) {
			read.put(key, read(key));
		}
		return read.get(key);
	}

	private Optional<TrueTypeFont> read(Path file) {
		try {
			if (!Files.isRegularFile(file) || Files.size(file) < 12) {
				return Optional.empty();
			}
			if (collection(file)) {
				TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
				open.add(collection);
				List<TrueTypeFont> faces = new ArrayList<>();
				collection.processAllFonts(faces::add);
				return Stream.concat(faces.stream().filter(CjkFonts::simplified), faces.stream()).filter(CjkFonts::embeddable)
						.findFirst();
			}
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
			open.add(font);
			return Optional.of(font).filter(CjkFonts::embeddable);
		} catch (IOException | RuntimeException e) { // not a font PDFBox reads: the caller says what is wanted
			return Optional.empty();
		}
	}

	private static boolean collection(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(4), java.nio.charset.StandardCharsets.ISO_8859_1).equals("ttcf");
		}
	}

	private static boolean simplified(TrueTypeFont face) {
		try {
			String name = face.getName();
			return name != null && (name.endsWith("CN") || name.contains("SC") || name.contains("GB"));
		} catch (IOException e) {
			return false;
		}
	}

	private static boolean embeddable(TrueTypeFont face) {
		try {
			boolean outlines = !(face instanceof OpenTypeFont otf && otf.isPostScript()) && face.getTableMap().containsKey("glyf");
			return outlines && draws(face, '年') && draws(face, '政');
		} catch (RuntimeException e) {
			return false;
		}
	}

	@Override
	public void close() {
		for (Closeable closeable : open) {
			try {
				closeable.close();
			} catch (IOException e) { // a read-only file handle: nothing is lost
			}
		}
	}
}
