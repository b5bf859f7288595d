using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

// Static local functions, differentiated as the method is: each goes into the generated code where it is declared, with its
// own value-and-gradient function beside it.
internal sealed partial class BodyParser
{
    /// <summary>The names the generated code calls each local function by, or null for one that is refused (and reported).</summary>
    private readonly Dictionary<IMethodSymbol, LocalNames?> _localFunctions = new(SymbolEqualityComparer.Default);

    /// <summary>What a return statement returns: double for the method, the declared type inside a local function.</summary>
    private ValueKind _returnKind = ValueKind.Double;

    private sealed record LocalNames(string Name, string? Gradient, string? Hessian);

    /// <summary>Every local function of the body, before any statement is read: a call may come before the declaration.</summary>
    private void RegisterLocalFunctions(IOperation body)
    {
        foreach (var local in body.Descendants().OfType<ILocalFunctionOperation>())
        {
            var function = local.Symbol;
            if (LocalFunctionProblem(function) is not null)
            {
                _localFunctions[function] = null;
                continue;
            }

            var takesDerivative = function.ReturnType.SpecialType == SpecialType.System_Double
                && function.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Double);
            _localFunctions[function] = takesDerivative
                ? new LocalNames(function.Name, Unused(GeneratedNames.WithGradient(function.Name)), Unused(GeneratedNames.WithHessian(function.Name)))
                : new LocalNames(function.Name, null, null);
        }
    }

    /// <summary>Why a local function cannot go into the generated code, or null when it can.</summary>
    private string? LocalFunctionProblem(IMethodSymbol function) =>
        _arrays ? "a method with array or span parameters cannot have local functions yet; make it a [Differentiable] static method"
        : !function.IsStatic ? "a local function that is not static could read the method's locals; make it static and pass what it reads"
        : function.IsGenericMethod ? "a local function is differentiated as a method is; remove its type parameters"
        : function.IsAsync || Symbols.KindOf(function.ReturnType) is null
            || !function.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && Symbols.KindOf(p.Type) is ValueKind.Double or ValueKind.Int)
            ? "a local function takes double and int parameters by value and returns double, int or bool"
        : null;

    /// <summary>A local function's declaration: its body read as the method's is, its returns of its own type.</summary>
    private LocalFunction? ParseLocalFunction(ILocalFunctionOperation local)
    {
        var function = local.Symbol;
        if (!_localFunctions.TryGetValue(function, out var names) || names is null || (local.Body ?? local.IgnoredBody) is not { } body)
        {
            Unsupported(local, LocalFunctionProblem(function) ?? "a local function needs a body");
            return null;
        }

        var returns = Symbols.KindOf(function.ReturnType)!.Value;
        var outer = _returnKind;
        _returnKind = returns;
        try
        {
            var parameters = function.Parameters
                .Select(p => new ParameterSpec(p.Name, Symbols.KindOf(p.Type)!.Value) { Default = MethodParser.DefaultOf(p, Symbols.KindOf(p.Type)!.Value) })
                .ToEquatableArray();
            return new LocalFunction(names.Name, returns, parameters, ParseBlock(body), names.Gradient, names.Hessian);
        }
        finally
        {
            _returnKind = outer;
        }
    }

    /// <summary>A call to a local function, through its value-and-gradient function where its result is differentiated.</summary>
    private Expr ParseLocalCall(IInvocationOperation invocation, ValueKind kind, System.Func<EquatableArray<Expr>> arguments)
    {
        if (!_localFunctions.TryGetValue(invocation.TargetMethod.OriginalDefinition, out var names) || names is null)
        {
            return Placeholder(invocation); // Reported at its declaration.
        }

        var differentiated = invocation.TargetMethod.Parameters.Select(p => p.Type.SpecialType == SpecialType.System_Double).ToEquatableArray();
        var gradient = names.Gradient is { } name && !_carrying ? new MemberRef(string.Empty, name) : null;
        return new UserCall(new MemberRef(string.Empty, names.Name), gradient, null, arguments(), differentiated, kind);
    }

    /// <summary><paramref name="stem"/> itself when no identifier of the method has it, else a numbered variant.</summary>
    private string Unused(string stem) => _names.Add(stem) ? stem : Fresh(stem);
}
