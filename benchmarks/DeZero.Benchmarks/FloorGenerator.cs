using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeZero.Benchmarks;

/// <summary>
/// Case 5's baseline: the least a one-file-per-method generator can do. It finds the same [Differentiable] methods with
/// <c>ForAttributeWithMetadataName</c> and adds one tiny file for each, so the ratio shows what parsing, differentiating
/// and emitting cost on top of what Roslyn charges any such generator.
/// </summary>
internal sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "DeZero.DifferentiableAttribute",
            predicate: static (node, _) => node is MethodDeclarationSyntax,
            transform: static (context, _) => context.TargetSymbol.ContainingType.Name + "." + context.TargetSymbol.Name);
        context.RegisterSourceOutput(names, static (output, name) =>
            output.AddSource(name + ".g.cs", "// " + name + "\n"));
    }
}
