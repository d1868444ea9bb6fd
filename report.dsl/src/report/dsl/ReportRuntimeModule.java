package report.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.DefaultResourceServiceProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.service.SingletonBinding;
import org.eclipse.xtext.validation.CompositeEValidator;

import com.google.inject.Binder;
import com.google.inject.name.Names;

import report.dsl.conversion.ReportValueConverters;
import report.dsl.linking.ReportLinkingDiagnostics;
import report.dsl.parser.NestingLimitedParser;
import report.dsl.parser.ReportSyntaxErrorMessages;
import report.dsl.resource.ReportResource;
import report.dsl.resource.ReportResourceDescriptionManager;
import report.dsl.resource.ReportResourceDescriptionStrategy;
import report.dsl.scoping.ReportGlobalScopeProvider;

/** Binds the language's own services into Xtext's defaults. */
public class ReportRuntimeModule extends AbstractReportRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return ReportValueConverters.class;
	}

	@Override
	public Class<? extends IParser> bindIParser() {
		return NestingLimitedParser.class;
	}

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return ReportGlobalScopeProvider.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return ReportLinkingDiagnostics.class;
	}

	@Override
	public Class<? extends XtextResource> bindXtextResource() {
		return ReportResource.class;
	}

	/*
	 * Every resource is given a serializer and the language's services, and Guice would build each anew with all it
	 * holds for every file a batch reads: neither keeps state of its own (the serializer makes its sequencers per call),
	 * so one of each serves all resources, as the registry already hands out one service provider.
	 */

	@Override
	@SingletonBinding
	public Class<? extends ISerializer> bindISerializer() {
		return super.bindISerializer();
	}

	@SingletonBinding
	public Class<? extends IResourceServiceProvider> bindIResourceServiceProvider() {
		return DefaultResourceServiceProvider.class;
	}

	public Class<? extends IResourceDescription.Manager> bindIResourceDescription$Manager() {
		return ReportResourceDescriptionManager.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return ReportResourceDescriptionStrategy.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return ReportSyntaxErrorMessages.class;
	}

	/**
	 * EMF's default constraints, which the checker would run on every object, have nothing to find in this language:
	 * its metamodel, inferred from the grammar, bounds no feature but by one or many, pairs and keys no reference, and
	 * types its attributes with Ecore's unconstrained types and its own enums; a cross-reference resolves into a loaded
	 * resource or stays a proxy, which Xtext does not check there either. EObjectConstraintsTest keeps it so.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bindConstant().annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).to(false);
	}
}
