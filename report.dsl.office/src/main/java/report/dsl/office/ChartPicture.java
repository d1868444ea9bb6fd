package report.dsl.office;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import report.dsl.generator.ChartBars;
import report.dsl.generator.DocumentException;

/**
 * A chart drawn with Java2D as a PNG picture, laid out as the HTML output's SVG chart: a horizontal bar per part, its
 * short label on the left, its number and share on the right. Its words need a font with Chinese characters.
 */
record ChartPicture(byte[] png, int width, int height) {

	/** Drawn at twice the size it is shown, so that it prints sharply. */
	private static final int SCALE = 2;
	private static final int ROW_HEIGHT = 34;
	private static final int LABEL_WIDTH = 150;
	private static final int BAR_WIDTH = 360;
	private static final int WIDTH = LABEL_WIDTH + BAR_WIDTH + 130;

	/** Families with Chinese characters as Windows, macOS and Linux distributions install them, in order of preference. */
	private static final List<String> FAMILIES = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑",
			"SimHei", "黑体", "PingFang SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Serif CJK SC", "SimSun", "宋体",
			"AR PL UMing CN");

	static ChartPicture draw(ChartBars bars, Optional<Path> fontFile) {
		List<String> words = new ArrayList<>();
		bars.bars().forEach(bar -> {
			words.add(bar.shortLabel());
			words.add(bar.legend());
		});
		Font font = font(fontFile, words, bars.title());
		int height = ROW_HEIGHT * bars.bars().size() + 10;
		BufferedImage image = new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.scale(SCALE, SCALE);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, height);
			Font labels = font.deriveFont(15f);
			Font legends = font.deriveFont(14f);
			for (int i = 0; i < bars.bars().size(); i++) {
				ChartBars.Bar bar = bars.bars().get(i);
				int y = 5 + i * ROW_HEIGHT;
				int length = bar.share().signum() == 0 ? 0 : Math.max(2, bar.share().intValue() * BAR_WIDTH / 100);
				g.setColor(Color.BLACK);
				g.setFont(labels);
				int labelWidth = g.getFontMetrics().stringWidth(bar.shortLabel());
				g.drawString(bar.shortLabel(), LABEL_WIDTH - 8 - labelWidth, y + 21);
				g.setColor(Color.decode(ChartBars.PALETTE.get(i % ChartBars.PALETTE.size())));
				g.fillRect(LABEL_WIDTH, y + 4, length, ROW_HEIGHT - 10);
				g.setColor(Color.BLACK);
				g.setFont(legends);
				g.drawString(bar.legend(), LABEL_WIDTH + length + 8, y + 21);
			}
		} finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ChartPicture(png.toByteArray(), WIDTH, height);
	}

	/** The user's font file, else the first installed family that shows every word; none is one clear message. */
	private static Font font(Optional<Path> file, List<String> words, String title) {
		if (file.isPresent()) {
			Font font;
			try {
				font = Font.createFonts(file.get().toFile())[0];
			} catch (IOException | FontFormatException e) {
				throw new DocumentException("无法读取字体文件「" + file.get() + "」：" + e.getMessage(), e);
			}
			if (!showsAll(font, words)) {
				throw new DocumentException("字体文件「" + file.get() + "」缺少图表「" + title + "」所需的中文字符，请换一个中文字体");
			}
			return font;
		}
		List<String> installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
		List<String> candidates = new ArrayList<>(FAMILIES.stream().filter(installed::contains).toList());
		candidates.addAll(installed); // any other family that happens to have the characters
		for (String family : candidates) {
			Font font = new Font(family, Font.PLAIN, 15);
			if (!font.getFamily().equals(Font.DIALOG) && showsAll(font, words)) {
				return font;
			}
		}
		throw new DocumentException("找不到能显示中文的字体，无法绘制图表「" + title
				+ "」：请安装中文字体（如 Debian 的 fonts-noto-cjk、Windows 的黑体），或用 --font 指定字体文件");
	}

	private static boolean showsAll(Font font, List<String> words) {
		return words.stream().allMatch(word -> font.canDisplayUpTo(word) == -1);
	}
}
