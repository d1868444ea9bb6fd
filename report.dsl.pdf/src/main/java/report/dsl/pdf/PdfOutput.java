package report.dsl.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;

import com.google.inject.Inject;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

import report.dsl.generator.DocumentException;
import report.dsl.generator.DocumentOutput;
import report.dsl.generator.HtmlReportGenerator;
import report.dsl.generator.ReportText;
import report.dsl.report.Report;

/**
 * The report as an A4 PDF: the HTML generator's document, laid out by openhtmltopdf under a print stylesheet in the
 * conventions of GB/T 9704, with its Chinese faces embedded as subsets. Its dates are the report's date of issue and its
 * id a digest of its content, so the same report gives the same bytes.
 */
public class PdfOutput implements DocumentOutput {

	private static final String PRINT_STYLE = stylesheet();
	/** China Standard Time: a report dated 2024-01-18 was issued on that day in Beijing. */
	private static final ZoneId ISSUED_IN = ZoneId.of("Asia/Shanghai");

	private static final int CHART_WIDTH_MM = 150;
	private static final double PX_PER_MM = 96 / 25.4;

	static {
		XRLog.setLoggingEnabled(false); // its progress notes would be printed amid the command line's diagnostics
	}

	@Inject
	private HtmlReportGenerator html;

	@Override
	public String extension() {
		return "pdf";
	}

	@Override
	public byte[] render(Report report, Optional<Path> font) {
		return render(report, CjkFonts.find(font));
	}

	byte[] render(Report report, CjkFonts.Faces fonts) {
		// case kept: SVG's viewBox is case-sensitive
		Document page = Jsoup.parse(html.generate(report), "", Parser.htmlParser().settings(ParseSettings.preserveCase));
		page.head().appendElement("style").appendChild(new DataNode(PRINT_STYLE));
		page.select("svg[viewBox]").forEach(PdfOutput::sizeChart);
		page.select("table.table-B > tbody").forEach(PdfOutput::groupRows);
		// a narrow column's header of up to three characters on one line: wrapped, it leaves one alone (自然/人)
		page.select("th[scope=col]").stream().filter(th -> th.text().codePointCount(0, th.text().length()) <= 3)
				.forEach(th -> th.addClass("unbroken"));
		String missing = fonts.missing(page.text());
		if (!missing.isEmpty()) {
			throw new DocumentException("所用字体缺少字符「" + missing + "」，PDF 中会显示为空白：请用 --font 指定含这些字符的字体文件");
		}
		Set<Integer> printed = printed(page);
		try (PDDocument pdf = new PDDocument()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(pdf);
			PDType0Font body = PDType0Font.load(pdf, new ByteArrayInputStream(fonts.body().trueType(printed)), true);
			PDType0Font heading = fonts.heading() == fonts.body() ? body
					: PDType0Font.load(pdf, new ByteArrayInputStream(fonts.heading().trueType(printed)), true);
			builder.useFont(new PDFontSupplier(body), "report-body", 400, FontStyle.NORMAL, true);
			builder.useFont(new PDFontSupplier(heading), "report-heading", 400, FontStyle.NORMAL, true);
			builder.useSVGDrawer(new BatikSVGDrawer());
			builder.withProducer("report.dsl");
			builder.withW3cDocument(new W3CDom().fromJsoup(page), null);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.createPDFKeepOpen();
			}
			describe(pdf, report);
			identify(pdf, page, fonts);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Every character the layout may print: the document's text, its attributes and its stylesheets (the page numbers'
	 * dashes), and the printable ASCII letters.
	 */
	private static Set<Integer> printed(Document page) {
		Set<Integer> printed = new HashSet<>();
		(page.outerHtml() + page.wholeText()).codePoints().forEach(printed::add);
		IntStream.rangeClosed(' ', '~').forEach(printed::add);
		return printed;
	}

	/** Title, author and dates in the document information and in XMP, as archives (PDF/A) read them. */
	private static void describe(PDDocument pdf, Report report) throws IOException {
		Calendar issued = issued(report);
		PDDocumentInformation info = pdf.getDocumentInformation();
		info.setTitle(ReportText.title(report));
		info.setAuthor(ReportText.clean(report.getBody()));
		info.setCreator("report.dsl");
		info.setProducer("report.dsl");
		info.setCreationDate(issued);
		info.setModificationDate(issued);
		XMPMetadata xmp = XMPMetadata.createXMPMetadata();
		DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
		dc.setTitle(ReportText.title(report));
		dc.addCreator(ReportText.clean(report.getBody()));
		dc.setFormat("application/pdf");
		XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
		basic.setCreatorTool("report.dsl");
		basic.setCreateDate(issued);
		basic.setModifyDate(issued);
		xmp.createAndAddAdobePDFSchema().setProducer("report.dsl");
		ByteArrayOutputStream serialized = new ByteArrayOutputStream();
		try {
			new XmpSerializer().serialize(xmp, serialized, true);
		} catch (javax.xml.transform.TransformerException e) {
			throw new IOException(e);
		}
		PDMetadata metadata = new PDMetadata(pdf);
		metadata.importXMPMetadata(serialized.toByteArray());
		pdf.getDocumentCatalog().setMetadata(metadata);
		pdf.getDocumentCatalog().setLanguage("zh-CN");
	}

	private static Calendar issued(Report report) {
		LocalDate date;
		try {
			date = LocalDate.parse(report.getIssued());
		} catch (DateTimeParseException | NullPointerException e) { // a report with errors, published with --force
			date = LocalDate.of(report.getYear(), 1, 1);
		}
		return GregorianCalendar.from(date.atStartOfDay(ISSUED_IN));
	}

	/**
	 * The file identifier, which PDFBox would otherwise draw from the clock: a digest of what the document is made from,
	 * the page and the faces.
	 */
	private static void identify(PDDocument pdf, Document page, CjkFonts.Faces fonts) throws IOException {
		MessageDigest md5;
		try {
			md5 = MessageDigest.getInstance("MD5");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has MD5", e);
		}
		md5.update(page.outerHtml().getBytes(StandardCharsets.UTF_8));
		md5.update((fonts.body().name() + "\n" + fonts.heading().name()).getBytes(StandardCharsets.UTF_8));
		byte[] digest = md5.digest();
		COSArray id = new COSArray();
		id.add(new COSString(digest));
		id.add(new COSString(digest));
		pdf.getDocument().getTrailer().setItem(COSName.ID, id);
	}

	/**
	 * The body's rows in one group for each row label of the first column, with the rows its merged cell spans, so that
	 * the stylesheet can let the table break between groups only, never through a merged label.
	 */
	private static void groupRows(Element body) {
		Element group = null;
		int spanned = 0;
		for (Element row : new ArrayList<>(body.children())) {
			if (spanned == 0) {
				group = new Element("tbody");
				body.before(group);
				Element first = row.firstElementChild();
				spanned = first == null || first.attr("rowspan").isEmpty() ? 1 : Integer.parseInt(first.attr("rowspan"));
			}
			group.appendChild(row);
			spanned--;
		}
		body.remove();
	}

	/**
	 * A chart as wide as the type area allows and as high as its proportions give. The SVG drawer sizes its canvas by the
	 * width and height attributes in CSS pixels and maps no view box onto them, so the drawing is scaled here.
	 */
	private static void sizeChart(Element svg) {
		String[] box = svg.attr("viewBox").trim().split("\\s+");
		double scale = CHART_WIDTH_MM * PX_PER_MM / Double.parseDouble(box[2]);
		svg.attr("width", String.valueOf(Math.round(Double.parseDouble(box[2]) * scale)));
		svg.attr("height", String.valueOf(Math.round(Double.parseDouble(box[3]) * scale)));
		String transform = String.format(Locale.ROOT, "scale(%.4f)", scale);
		for (Element shape : svg.children()) {
			shape.attr("transform", (transform + " " + shape.attr("transform")).strip());
		}
	}

	private static String stylesheet() {
		try (InputStream in = PdfOutput.class.getResourceAsStream("print.css")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
