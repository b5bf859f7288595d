using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

// Calls to a generated FWithGradient: Newton's method on a function's own derivative, a slope used as a value.
internal sealed partial class BodyParser
{
    /// <summary>The locals holding a value-and-gradient tuple (<c>var r = FWithGradient(x);</c>), each element a temporary.</summary>
    private readonly Dictionary<ILocalSymbol, Expr[]> _gradientTuples = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Whether <paramref name="operation"/> is a value-and-gradient tuple this parser takes apart: a call to a generated
    /// <c>FWithGradient</c>, or a local declared with one.
    /// </summary>
    private bool IsGradientTuple(IOperation operation) => operation switch
    {
        IInvocationOperation call => Symbols.GradientCallee(call.TargetMethod) is not null,
        ILocalReferenceOperation local => _gradientTuples.ContainsKey(local.Local),
        IConversionOperation { IsImplicit: true, Operand: var operand } => IsGradientTuple(operand),
        _ => false,
    };

    /// <summary>The elements of a tuple <see cref="IsGradientTuple"/> accepts: the value, then each partial. A call is made here, once.</summary>
    private Expr[] GradientElements(IOperation operation) => operation switch
    {
        IInvocationOperation call => ParseGradientCall(call, Symbols.GradientCallee(call.TargetMethod)!),
        ILocalReferenceOperation local => _gradientTuples[local.Local],
        IConversionOperation conversion => GradientElements(conversion.Operand),
        _ => throw new System.InvalidOperationException("Not a value-and-gradient tuple: " + operation.Kind),
    };

    /// <summary>Which element of a tuple a field reads: <c>r.Value</c> and <c>r.Item1</c> are 0, <c>r.DX</c> and <c>r.Item2</c> are 1, ….</summary>
    private static int ElementIndex(IFieldSymbol field)
    {
        var elements = field.ContainingType.TupleElements;
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i].Name == field.Name || elements[i].CorrespondingTupleField?.Name == field.Name)
            {
                return i;
            }
        }

        throw new System.InvalidOperationException($"No element {field.Name} in {field.ContainingType}");
    }

    /// <summary>
    /// <c>FWithGradient(a, b)</c>: a <see cref="CallWithGradient"/> statement among the effects, declaring a temporary per
    /// element, whose derivatives the differentiator takes from the callee's second derivatives. What cannot be
    /// differentiated so is reported here, at the call.
    /// </summary>
    private Expr[] ParseGradientCall(IInvocationOperation invocation, IMethodSymbol callee)
    {
        var differentiated = callee.Parameters.Select(Symbols.IsDifferentiated).ToEquatableArray();
        var placeholders = Enumerable.Repeat<Expr>(Constant.Zero, 1 + differentiated.Count(d => d)).ToArray();
        var display = callee.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        const string Instead = "write the derivative you need as a [Differentiable] method of its own and call that";
        var resolved = _callees.Resolve(callee, invocation.Syntax, _diagnostics);
        if (resolved.Gradient is null)
        {
            return placeholders; // Reported: the callee has errors.
        }

        if (_callees.IsBeingParsed(callee))
        {
            Unsupported(invocation, $"it calls the value and gradient of {display} from inside {display} (recursion), so its derivative would need "
                + $"second derivatives of {display} that depend on themselves; " + Instead);
            return placeholders;
        }

        if (_callees.WhyNoSecondDerivatives(callee) is { } why)
        {
            Unsupported(invocation, $"its derivative is the second derivative of {display}, {why}; " + Instead);
            return placeholders;
        }

        var arguments = ParseInOrder(invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToArray());
        var call = new UserCall(Symbols.Member(callee), resolved.Gradient, null, arguments.ToEquatableArray(), differentiated);
        var stem = char.ToLowerInvariant(callee.Name[0]) + callee.Name.Substring(1);
        var value = Fresh(stem + "Value");
        var partials = callee.Parameters.Where(Symbols.IsDifferentiated).Select(p => Fresh(stem + GeneratedNames.Partial(p.Name))).ToArray();
        _effects.Add(new CallWithGradient(value, partials.Select(p => new OptionalName(p)).ToEquatableArray(), call));
        return partials.Prepend(value).Select(name => (Expr)new Model.Variable(name, ValueKind.Double)).ToArray();
    }

    /// <summary>Why a call to the generated value, gradient and Hessian of a method is refused, and what to write.</summary>
    internal static string HessianCallReason(IMethodSymbol callee)
    {
        var display = callee.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        return $"it calls the value, gradient and Hessian of {display}, whose derivatives would be third derivatives, which are not written; "
            + $"call {GeneratedNames.WithGradient(callee.Name)} for the value and first derivatives, or write the second derivative you need as a [Differentiable] method of its own and call that";
    }

    /// <summary>Why a call to the generated value and gradient of a method of arrays is refused, and what to write.</summary>
    internal static string ArrayGradientCallReason(IMethodSymbol callee)
    {
        var display = callee.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        return $"it calls the value and gradient of {display}, a method of arrays: its derivative would be the second derivative of {display}, "
            + "and the derivatives of methods of arrays are first order for now; write the derivative you need as a [Differentiable] method of its own and call that";
    }
}
