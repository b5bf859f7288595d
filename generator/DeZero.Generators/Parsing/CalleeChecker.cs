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

    /// <summary>
    /// One semantic model per tree, starting with the parsed method's own: a callee in the same file is then bound
    /// once, in the model that may already hold its body, not again in a fresh one.
    /// </summary>
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
    /// <summary>For each callee parsed (or being parsed): the supplied derivatives it relies on, or null when it has errors.</summary>
    private readonly Dictionary<IMethodSymbol, string[]?> _callees = new(SymbolEqualityComparer.Default);

    /// <summary>For each callee parsed: why it has no second derivatives, or null when it has them.</summary>
    private readonly Dictionary<IMethodSymbol, string?> _noSecondDerivatives = new(SymbolEqualityComparer.Default);
    private readonly HashSet<SyntaxTree> _readTrees = [];

    public CalleeChecker(SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        _compilation = semanticModel.Compilation;
        _cancellationToken = cancellationToken;
        _models[semanticModel.SyntaxTree] = semanticModel;
    }

    /// <summary>
    /// The syntax trees whose text the parse depended on beyond the declarations every method sees: the method's own,
    /// each callee's whose body was parsed, each one a diagnostic points into. <see cref="ParseCache"/> reuses a result
    /// only while all of them are unchanged.
    /// </summary>
    public IReadOnlyCollection<SyntaxTree> ReadTrees => _readTrees;

    /// <summary>Records that the parse depends on the text of <paramref name="tree"/>.</summary>
    public void Read(SyntaxTree? tree)
    {
        if (tree is not null)
        {
            _readTrees.Add(tree);
        }
    }

    /// <summary>The semantic model of <paramref name="tree"/>, made once per parse.</summary>
    public SemanticModel ModelOf(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model))
        {
            _models[tree] = model = _compilation.GetSemanticModel(tree);
        }

        return model;
    }

    /// <summary>Marks a method as being parsed, so recursion through it is allowed.</summary>
    public void Enter(IMethodSymbol method) => _callees[method.OriginalDefinition] = [];

    /// <summary>
    /// Known: the callee is [Differentiable]. Gradient: its value-and-gradient method, or null when there is none (a diagnostic has then been added). Pending: the supplied
    /// derivatives it relies on, by documentation id.
    /// </summary>
    public Callee Resolve(IMethodSymbol method, SyntaxNode call, List<DiagnosticInfo> diagnostics)
    {
        if (!Symbols.HasDifferentiableAttribute(method))
        {
            return Callee.Unknown;
        }

        method = InThisCompilation(method);

        var gradientName = GeneratedNames.WithGradient(method.Name);
        var gradient = new MemberRef(Symbols.FullName(method.ContainingType), gradientName);
        var display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            if (method.ContainingType.GetMembers(gradientName).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == method.Parameters.Length))
            {
                return new Callee(true, gradient, []);
            }

            diagnostics.Add(new DiagnosticInfo(Descriptors.CalleeWithoutGradient.Id, LocationInfo.From(call), EquatableArray.Of(display, gradientName)));
            return Callee.Broken;
        }

        if (Parse(method.OriginalDefinition) is { } pending)
        {
            return new Callee(true, gradient, pending);
        }

        diagnostics.Add(new DiagnosticInfo(Descriptors.CalleeHasErrors.Id, LocationInfo.From(call), EquatableArray.Of(display)));
        return Callee.Broken;
    }

    /// <summary>Parses a callee's body once: the supplied derivatives it relies on, or null when it has errors.</summary>
    private string[]? Parse(IMethodSymbol method)
    {
        if (_callees.TryGetValue(method, out var known))
        {
            return known;
        }

        _callees[method] = []; // While its own body is read: recursion back into it is fine.
        var node = method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken); // MethodParser.Parse records its tree
        var result = MethodParser.Parse(node, method, ModelOf(node.SyntaxTree), this, _cancellationToken);
        var pending = result.Spec is null ? null : result.Pending.Select(p => p.Key).Distinct().ToArray();
        _callees[method] = pending;
        _noSecondDerivatives[method] = result.Spec?.NoSecondDerivatives;
        return pending;
    }

    /// <summary>Whether <paramref name="method"/> is being parsed still: the method this parse began with, or a callee on the way to here.</summary>
    public bool IsBeingParsed(IMethodSymbol method)
    {
        method = InThisCompilation(method.OriginalDefinition);
        return _callees.ContainsKey(method) && !_noSecondDerivatives.ContainsKey(method);
    }

    /// <summary>
    /// Why a [Differentiable] method has no second derivatives to chain through (they live in its node's kernel), as a
    /// clause about it that follows its name; null when it has them, or may (a method of this compilation not parsed, or
    /// still being parsed: recursion).
    /// </summary>
    public string? WhyNoSecondDerivatives(IMethodSymbol method)
    {
        method = InThisCompilation(method.OriginalDefinition);
        if (!method.Parameters.All(p => p.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Int32))
        {
            return "a method of arrays, whose derivatives are first order for now";
        }

        var nodeMembers = GeneratedNames.NodeMembers(false);
        if (method.Parameters.Any(p => !Symbols.IsDifferentiated(p) && nodeMembers.Contains(GeneratedNames.Property(p.Name))))
        {
            return "whose graph node is not generated (DZ0013 at a parameter), and with it its second derivatives";
        }

        if (MethodParser.TooManyParameters(method, MethodParser.HessianRequested(method)) is not null)
        {
            return $"whose second derivatives are written only on request (it has more than {MethodSpec.SecondDerivativesUnasked} differentiated parameters: mark it [Differentiable(Hessian = true)])";
        }

        if (!method.DeclaringSyntaxReferences.IsEmpty)
        {
            return _noSecondDerivatives.TryGetValue(method, out var reason) && reason is not null
                ? $"whose second derivatives are not written ({reason})"
                : null;
        }

        var hasHessian = method.ContainingType.GetTypeMembers(GeneratedNames.Node(method.Name))
            .Any(node => node.GetTypeMembers(GeneratedNames.NodeKernel).Any(kernel => kernel.GetMembers(GeneratedNames.KernelHessian).Any()));
        return hasHessian ? null : "from an assembly built without second derivatives (rebuild it with this version of DeZero)";
    }

    /// <summary>
    /// A method of this compilation as this compilation's symbol: a body bound with the generated members declared
    /// (<see cref="GeneratedMembers"/>) names its callees by the symbols of that other compilation.
    /// </summary>
    private IMethodSymbol InThisCompilation(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference || !_compilation.ContainsSyntaxTree(reference.SyntaxTree))
        {
            return method;
        }

        var syntax = reference.GetSyntax(_cancellationToken);
        return ModelOf(syntax.SyntaxTree).GetDeclaredSymbol(syntax, _cancellationToken) as IMethodSymbol ?? method;
    }

    /// <summary>What a call to a method needs: whether it is [Differentiable], its gradient method, the supplied derivatives it relies on.</summary>
    internal sealed record Callee(bool Known, MemberRef? Gradient, string[] Pending)
    {
        public static readonly Callee Unknown = new(false, null, []);
        public static readonly Callee Broken = new(true, null, []);
    }
}
