using DeZero.Generators.Diagnostics;
using DeZero.Generators.Emitting;
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
        // 1. Find each [Differentiable] method and parse it into a model plus diagnostics, per method.
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MethodParser.DifferentiableAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax or LambdaExpressionSyntax,
                transform: static (context, cancellationToken) => MethodParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.Parsed);

        // 2. The models of methods without errors: these alone are differentiated and emitted.
        var methods = parsed
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Methods);

        // 3. The diagnostics, split off so a method that only moves re-reports without re-emitting.
        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(methods, static (output, method) =>
            output.AddSource(method.HintName, MethodEmitter.Emit(method)));

        context.RegisterSourceOutput(diagnostics, static (output, list) =>
        {
            foreach (var diagnostic in list)
            {
                output.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ById(diagnostic.Id),
                    diagnostic.Location?.ToLocation(),
                    [.. diagnostic.Arguments]));
            }
        });
    }
}
