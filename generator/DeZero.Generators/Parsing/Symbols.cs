using System.Linq;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeZero.Generators.Parsing;

/// <summary>What the parser, the analyzer and the code fix ask of Roslyn's symbols.</summary>
internal static class Symbols
{
    public const string DifferentiableAttribute = "DeZero.DifferentiableAttribute";

    public const string DerivativeOfAttribute = "DeZero.DerivativeOfAttribute";

    public const string NoDerivativeAttribute = "DeZero.NoDerivativeAttribute";

    /// <summary>The model's kind of a type: double, int and bool are all a body computes with.</summary>
    public static ValueKind? KindOf(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Double => ValueKind.Double,
        SpecialType.System_Int32 => ValueKind.Int,
        SpecialType.System_Boolean => ValueKind.Bool,
        _ => null,
    };

    /// <summary>
    /// The model's kind of a sequence type: <c>double[]</c>, <c>Span&lt;double&gt;</c> and <c>ReadOnlySpan&lt;double&gt;</c>
    /// are all <see cref="ValueKind.DoubleArray"/>, and the same of int <see cref="ValueKind.IntArray"/>; null for any other.
    /// </summary>
    public static ValueKind? SequenceKindOf(ITypeSymbol? type)
    {
        var element = type switch
        {
            IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
            INamedTypeSymbol { Arity: 1, Name: "Span" or "ReadOnlySpan" } span when span.ContainingNamespace?.ToDisplayString() == "System" => span.TypeArguments[0],
            _ => null,
        };
        return element?.SpecialType switch
        {
            SpecialType.System_Double => ValueKind.DoubleArray,
            SpecialType.System_Int32 => ValueKind.IntArray,
            _ => null,
        };
    }

    /// <summary>The element kind of a sequence kind.</summary>
    public static ValueKind ElementKind(ValueKind sequence) => sequence == ValueKind.IntArray ? ValueKind.Int : ValueKind.Double;

    /// <summary>How a parameter of a sequence type is declared: <c>T[]</c> or <c>ReadOnlySpan&lt;T&gt;</c>; null for any other type.</summary>
    public static ArrayForm? ParameterFormOf(ITypeSymbol type) =>
        SequenceKindOf(type) is null ? null
        : type is IArrayTypeSymbol ? ArrayForm.Array
        : type.Name == "ReadOnlySpan" ? ArrayForm.ReadOnlySpan
        : null;

    public static bool HasNoDerivativeAttribute(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NoDerivativeAttribute);

    /// <summary>Whether a parameter is differentiated: double or a sequence of doubles, not marked [NoDerivative].</summary>
    public static bool IsDifferentiated(IParameterSymbol parameter) =>
        (parameter.Type.SpecialType == SpecialType.System_Double || SequenceKindOf(parameter.Type) == ValueKind.DoubleArray)
        && !HasNoDerivativeAttribute(parameter);

    /// <summary>A type as generated code names it: fully qualified, <c>global::</c> first.</summary>
    public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>A static member as the model refers to it: its type's full name and its own bare name.</summary>
    public static MemberRef Member(ISymbol member) => new(FullName(member.ContainingType), member.Name);

    /// <summary>A name as C# source must spell it: a keyword gets its <c>@</c>.</summary>
    public static string Escaped(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static bool HasDifferentiableAttribute(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DifferentiableAttribute);

    /// <summary>
    /// The [Differentiable] method of <paramref name="type"/> (or of a type it is nested in) whose generated
    /// value-and-gradient method is named <paramref name="member"/>, or null when <paramref name="member"/> is no such name.
    /// </summary>
    public static IMethodSymbol? DifferentiableBehind(INamedTypeSymbol? type, string member) =>
        Behind(type, member, GeneratedNames.WithGradient(string.Empty));

    /// <summary>The same for the value-gradient-and-Hessian method, <c>{F}WithHessian</c>.</summary>
    public static IMethodSymbol? DifferentiableBehindHessian(INamedTypeSymbol? type, string member) =>
        Behind(type, member, GeneratedNames.WithHessian(string.Empty));

    private static IMethodSymbol? Behind(INamedTypeSymbol? type, string member, string suffix)
    {
        if (!member.EndsWith(suffix, System.StringComparison.Ordinal) || member.Length == suffix.Length)
        {
            return null;
        }

        var name = member.Substring(0, member.Length - suffix.Length);
        for (; type is not null; type = type.ContainingType)
        {
            if (type.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(HasDifferentiableAttribute) is { } method)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="call"/> goes to the value-and-gradient method generated for a [Differentiable] method (one
    /// the generator wrote, or the signature <see cref="GeneratedMembers"/> declares in its place), and to which.
    /// </summary>
    public static IMethodSymbol? GradientCallee(IMethodSymbol call) =>
        !HasDifferentiableAttribute(call) && call.IsStatic && DifferentiableBehind(call.ContainingType, call.Name) is { } method
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, call.ContainingType)
            ? method
            : null;

    /// <summary>
    /// What to do about a call to a function without a derivative (DZ0003): mark a function of this project [Differentiable];
    /// for one of a library (the base library's <c>Math.BitIncrement</c>), the [DerivativeOf] attribute to write.
    /// </summary>
    public static string NoDerivativeAdvice(IMethodSymbol method)
    {
        if (!IsPlainFunction(method))
        {
            return "a derivative can be supplied only for a static function of double and int parameters returning double: "
                + "call it from such a function of your own, and mark that one [Differentiable] or give it a derivative with [DerivativeOf]";
        }

        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            var type = method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            return $"supply its derivative with a static method marked [DerivativeOf(typeof({type}), nameof({type}.{method.Name}))] (the IDE offers to create it)";
        }

        return "mark it [Differentiable], or supply its derivative with [DerivativeOf] (the IDE offers to create the stub)";
    }

    /// <summary>A static function of double and int values returning double: one a derivative can be supplied for.</summary>
    public static bool IsPlainFunction(IMethodSymbol method) =>
        IsStaticFunctionOfNumbers(method) && method.ReturnType.SpecialType == SpecialType.System_Double;

    /// <summary>A static, non-generic method of double and int values (by value) returning double, int or bool.</summary>
    public static bool IsStaticFunctionOfNumbers(IMethodSymbol method) =>
        method.IsStatic
        && !method.IsGenericMethod
        && method.MethodKind == MethodKind.Ordinary
        && !method.ReturnsByRef
        && KindOf(method.ReturnType) is not null
        && method.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && KindOf(p.Type) is ValueKind.Double or ValueKind.Int);
}
