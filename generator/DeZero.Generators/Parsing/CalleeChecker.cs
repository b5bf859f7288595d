using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeZero.Generators.Parsing;

/// <summary>
/// Decides whether a call inside a [Differentiable] body goes to a function with a known gradient, and
/// makes sure no generated code ever names a member that was not generated: a callee in this
/// compilation is parsed too (once per run, cycles allowed), and one with errors is an error here.
/// </summary>
internal sealed class CalleeChecker
{
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<IMethodSymbol, bool> _valid = new(SymbolEqualityComparer.Default);

    public CalleeChecker(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Marks a method as being parsed, so recursion through it is allowed.</summary>
    public void Enter(IMethodSymbol method) => _valid[method.OriginalDefinition] = true;

    /// <summary>
    /// Known: the callee is [Differentiable]. Gradient: the fully qualified name of its value-and-gradient
    /// method, or null when there is none (a diagnostic has then been added).
    /// </summary>
    public (bool Known, string? Gradient) Resolve(IMethodSymbol method, SyntaxNode call, List<DiagnosticInfo> diagnostics)
    {
        if (!MethodParser.HasDifferentiableAttribute(method))
        {
            return (false, null);
        }

        var gradientName = method.Name + "WithGradient";
        var gradient = BodyParser.FullName(method.ContainingType) + "." + BodyParser.Identifier(gradientName);
        var display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            if (method.ContainingType.GetMembers(gradientName).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == method.Parameters.Length))
            {
                return (true, gradient);
            }

            diagnostics.Add(new DiagnosticInfo(Descriptors.CalleeWithoutGradient.Id, LocationInfo.From(call), EquatableArray.Of(display, gradientName)));
            return (true, null);
        }

        if (IsValid(method.OriginalDefinition))
        {
            return (true, gradient);
        }

        diagnostics.Add(new DiagnosticInfo(Descriptors.CalleeHasErrors.Id, LocationInfo.From(call), EquatableArray.Of(display)));
        return (true, null);
    }

    private bool IsValid(IMethodSymbol method)
    {
        if (_valid.TryGetValue(method, out var valid))
        {
            return valid;
        }

        _valid[method] = true; // Assumed while its own body is read: recursion back into it is fine.
        var node = method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
        var model = _compilation.GetSemanticModel(node.SyntaxTree);
        valid = MethodParser.Parse(node, method, model, this, _cancellationToken).Spec is not null;
        _valid[method] = valid;
        return valid;
    }
}
