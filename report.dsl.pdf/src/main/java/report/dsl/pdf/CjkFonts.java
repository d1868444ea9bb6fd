package report.dsl.pdf;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import report.dsl.generator.DocumentException;

/**
 * The two Chinese faces a PDF embeds: the body face (仿宋 as GB/T 9704 sets the body, else a 宋体) and the heading face
 * (黑体), found where Windows, macOS and Debian install them, or the one file the user names. TrueType faces come first;
 * when none is installed, Debian's Noto Serif CJK SC and Noto Sans CJK SC, whose CFF outlines {@link CffFace} converts.
 * A file is opened once while it is unchanged, and its face is shared by every document and thread.
 */
final class CjkFonts {

	/** The faces a document is set in, and the one sentence for the characters neither of them draws. */
	record Faces(CjkFace body, CjkFace heading) {

		/** The characters of {@code text} that neither face draws. */
		String missing(String text) {
			StringBuilder missing = new StringBuilder();
			text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c)).distinct()
					.filter(c -> !body.draws(c) && !heading.draws(c)).limit(10).forEach(missing::appendCodePoint);
			return missing.toString();
		}
	}

	/** Most wanted first; Windows' folder is read from %WINDIR%. */
	static final List<String> BODY = List.of("{win}/Fonts/simfang.ttf", "/Library/Fonts/Microsoft/Fangsong.ttf",
			"{win}/Fonts/simsun.ttc", "/System/Library/Fonts/Supplemental/Songti.ttc", "/Library/Fonts/Songti.ttc",
			"/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc");
	static final List<String> HEADING = List.of("{win}/Fonts/simhei.ttf", "/Library/Fonts/Microsoft/SimHei.ttf",
			"/System/Library/Fonts/STHeiti Medium.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc");

	/** A font file as it was when it was opened: a file replaced since is opened again. */
	private record Opened(Path file, long size, FileTime modified) {
	}

	private static final Map<Opened, Optional<CjkFace>> OPENED = new ConcurrentHashMap<>();

	private CjkFonts() {
	}

	static Faces find(Optional<Path> named) {
		return find(named, BODY, HEADING);
	}

	static Faces find(Optional<Path> named, List<String> bodyCandidates, List<String> headingCandidates) {
		if (named.isPresent()) {
			CjkFace face = usable(named.get()).orElseThrow(() -> new DocumentException("字体文件「" + named.get()
					+ "」不可用：需要含中文字形的 TrueType 或 OpenType 字体文件（.ttf、.otf 或 .ttc，如 simfang.ttf、NotoSerifCJK-Regular.ttc）"));
			return new Faces(face, face);
		}
		CjkFace body = first(bodyCandidates).orElseThrow(() -> new DocumentException(
				"没有找到可嵌入 PDF 的中文字体：请安装 fonts-noto-cjk（Debian），或用 --font 指定一个含中文字形的字体文件"
						+ "（如 Windows 的 simfang.ttf、simsun.ttc）"));
		return new Faces(body, first(headingCandidates).orElse(body));
	}

	private static Optional<CjkFace> first(List<String> candidates) {
		String windows = Optional.ofNullable(System.getenv("WINDIR")).orElse("C:/Windows");
		return candidates.stream().map(c -> Path.of(c.replace("{win}", windows))).filter(Files::isRegularFile)
				.flatMap(file -> usable(file).stream()).findFirst();
	}

	/** The file's face with Chinese glyphs (a collection's simplified-Chinese face first), if any. */
	private static Optional<CjkFace> usable(Path file) {
		try {
			Path absolute = file.toAbsolutePath().normalize();
			if (!Files.isRegularFile(absolute) || Files.size(absolute) < 12) {
				return Optional.empty();
			}
			Opened key = new Opened(absolute, Files.size(absolute), Files.getLastModifiedTime(absolute));
			return OPENED.computeIfAbsent(key, k -> open(k.file()));
		} catch (IOException e) { // gone or unreadable: the caller says what is wanted
			return Optional.empty();
		}
	}

	private static Optional<CjkFace> open(Path file) {
		try {
			if (collection(file)) {
				TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
				List<String> names = new ArrayList<>();
				TrueTypeCollection.processAllFontHeaders(file.toFile(), headers -> names.add(headers.getName()));
				for (String name : Stream.concat(names.stream().filter(CjkFonts::simplified), names.stream()).distinct().toList()) {
					Optional<CjkFace> face = face(collection.getFontByName(name), collection);
					if (face.isPresent()) {
						return face;
					}
				}
				collection.close();
				return Optional.empty();
			}
			File single = file.toFile();
			TrueTypeFont font = otf(file) ? new OTFParser().parse(new RandomAccessReadBufferedFile(single))
					: new TTFParser().parse(new RandomAccessReadBufferedFile(single));
			Optional<CjkFace> face = face(font, font);
			if (face.isEmpty()) {
				font.close();
			}
			return face;
		} catch (IOException | RuntimeException e) { // not a font fontbox reads: the caller says what is wanted
			return Optional.empty();
		}
	}

	/** The face, if it draws Chinese in outlines it can embed. */
	private static Optional<CjkFace> face(TrueTypeFont font, Object file) throws IOException {
		if (font == null) {
			return Optional.empty();
		}
		CjkFace face;
		if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
			face = new CffFace(otf, file);
		} else if (font.getTableMap().containsKey("glyf")) {
			face = new TrueTypeFace(font, file);
		} else {
			return Optional.empty();
		}
		return Optional.of(face).filter(f -> f.draws('年') && f.draws('政'));
	}

	private static boolean collection(Path file) throws IOException {
		return tag(file).equals("ttcf");
	}

	private static boolean otf(Path file) throws IOException {
		return tag(file).equals("OTTO");
	}

	private static String tag(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
		}
	}

	/** Simplified Chinese by its name: SimSun's "…CN", Noto's "…CJKsc-…", "…SC", "…GB…". */
	private static boolean simplified(String name) {
		return name != null && (name.endsWith("CN") || name.contains("SC") || name.contains("GB") || name.contains("sc-"));
	}
}
