using System;
using System.Linq;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Emitting;
using DeZero.Generators.Model;
using DeZero.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeZero.Generators;

/// <summary>Turns every <c>[Differentiable]</c> method into a graph node and a value-and-gradient method.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Each [Differentiable] method parsed, on its own, into a model plus diagnostics. Roslyn runs this for
        //    every method whenever the compilation changes; the cache hands back the earlier result of each method
        //    that an edit provably cannot have changed, instead of binding its body again.
        var cache = new ParseCache();
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MethodParser.DifferentiableAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax or LambdaExpressionSyntax,
                transform: (context, cancellationToken) => Guard.Parse(context, cache, cancellationToken))
            .WithTrackingName(TrackingNames.Parsed);

        // 2. Every [DerivativeOf] registration. Gathering them is the one Collect(): any method may call any of them.
        var registrations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                RegistrationParser.DerivativeOfAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (context, cancellationToken) => RegistrationParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.Registrations)
            .Collect();
        var registry = registrations
            .Select(static (all, _) => all.Where(r => r.Registration is not null).Select(r => r.Registration!).ToEquatableArray());

        // 3. Calls to functions with supplied derivatives settled against the registry, per method.
        var resolved = parsed
            .Combine(registry)
            .Select(static (pair, _) => Resolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Resolved);

        // 4. The models of methods without errors: these alone are differentiated and emitted.
        var methods = resolved
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Methods);

        // 5. The diagnostics, split off so a method that only moves re-reports without being emitted again.
        var diagnostics = resolved
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(methods, static (output, method) => Guard.Emit(output, method));
        // DZ0003 is left to DifferentiableAnalyzer, which reports it at the same span so the IDE can offer the
        // derivative stub; a generator's diagnostic carries no code fix. Such a method still gets no output.
        context.RegisterSourceOutput(diagnostics, static (output, list) =>
            Report(output, list.Where(static d => d.Id != Descriptors.NotDifferentiableCall.Id)));
        context.RegisterSourceOutput(registrations, static (output, all) =>
            Report(output, all.SelectMany(r => r.Diagnostics).Concat(Resolver.Duplicates(all))));
    }

    private static void Report(SourceProductionContext output, System.Collections.Generic.IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ById(diagnostic.Id),
                diagnostic.Location?.ToLocation(),
                [.. diagnostic.Arguments]));
        }
    }

    /// <summary>
    /// The generator runs inside the compiler and the IDE: an exception there would cost the user every
    /// generated member at once. A bug of ours becomes a diagnostic on the one method it concerns.
    /// </summary>
    private static class Guard
    {
        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, ParseCache cache, System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                return cache.Parse(context.TargetNode, context.TargetSymbol, context.SemanticModel, cancellationToken);
            }
            catch (InsufficientExecutionStackException)
            {
                return ParseResult.Failed(EquatableArray.Of(new DiagnosticInfo(
                    Descriptors.NestedTooDeeply.Id, LocationInfo.From(context.TargetNode), EquatableArray.Of(BodyParser.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var location = LocationInfo.From(context.TargetNode);
                return ParseResult.Failed(EquatableArray.Of(new DiagnosticInfo(
                    Descriptors.InternalError.Id, location, EquatableArray.Of(context.TargetSymbol.Name, exception.Message))));
            }
        }

        public static void Emit(SourceProductionContext output, MethodSpec method)
        {
            string text;
            try
            {
                text = MethodEmitter.Emit(method);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                output.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, null, method.Name, exception.Message));
                return;
            }

            output.AddSource(method.HintName, text);
        }
    }
}
