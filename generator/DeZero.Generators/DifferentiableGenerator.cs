using System;
using System.Linq;
using DeZero.Generators.Calculus;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Emitting;
using DeZero.Generators.Model;
using DeZero.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeZero.Generators;

/// <summary>
/// Turns every <c>[Differentiable]</c> method into a graph node and a value-and-gradient method. The pipeline, in
/// order: find the methods, parse each (Parsing, the one step that reads Roslyn's trees), settle calls to supplied
/// derivatives, differentiate (Calculus), print (Emitting); diagnostics travel beside the models.
/// </summary>
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
                Symbols.DifferentiableAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax or LambdaExpressionSyntax,
                transform: (context, cancellationToken) => Guard.Parse(context, cache, cancellationToken))
            .WithTrackingName(TrackingNames.Parsed);

        // 2. Every [DerivativeOf] registration. Gathering them is the one Collect(): any method may call any of them.
        var registrations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Symbols.DerivativeOfAttribute,
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

        // 5. Each model differentiated into the statements and formulas of its derivative (Roslyn is left behind at 1).
        var derivatives = methods
            .Select(static (method, _) => Guard.Differentiate(method))
            .WithTrackingName(TrackingNames.Differentiated);

        // 6. The diagnostics, split off so a method that only moves re-reports without being differentiated again.
        var diagnostics = resolved
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        // 7. One file per method, printed from its derivative model.
        context.RegisterSourceOutput(derivatives, static (output, result) => Guard.Emit(output, result));
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
                    Descriptors.InternalError.Id, location, EquatableArray.Of(context.TargetSymbol.Name, OneLine(exception.Message)))));
            }
        }

        public static DerivativeResult Differentiate(MethodSpec method)
        {
            try
            {
                return new DerivativeResult(Differentiator.Differentiate(method), null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new DerivativeResult(null, Failure(method, exception));
            }
        }

        public static void Emit(SourceProductionContext output, DerivativeResult result)
        {
            if (result.Derivative is not { } derivative)
            {
                Report(output, [result.Failure!]);
                return;
            }

            string text;
            try
            {
                text = MethodEmitter.Emit(derivative);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Report(output, [Failure(derivative.Method, exception)]);
                return;
            }

            output.AddSource(derivative.Method.HintName, text);
        }

        private static DiagnosticInfo Failure(MethodSpec method, Exception exception) =>
            new(Descriptors.InternalError.Id, null, EquatableArray.Of(method.Name, OneLine(exception.Message)));

        /// <summary>Messages are one line: a build log shows only the first.</summary>
        private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
    }
}
