using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeZero.Generators.Parsing;

/// <summary>
/// The generator never sees its own output, so in a [Differentiable] body a call to a generated <c>FWithGradient</c>
/// binds to nothing. Declared here as signatures, in a tree of their own added to the compilation, those members let
/// the body bind as it will once they are generated: every <c>var</c>, conversion and tuple element typed.
/// </summary>
internal static class GeneratedMembers
{
    /// <summary>
    /// A tree declaring the value-and-gradient method of each of <paramref name="methods"/> that has one of scalars, in a
    /// partial declaration of its type, bodies <c>default</c>; null when none has.
    /// </summary>
    public static SyntaxTree? Declare(IEnumerable<IMethodSymbol> methods, CSharpParseOptions options)
    {
        var text = new StringBuilder();
        foreach (var method in methods.Distinct<IMethodSymbol>(SymbolEqualityComparer.Default))
        {
            if (Signature(method) is not { } signature)
            {
                continue;
            }

            var types = new List<INamedTypeSymbol>();
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                types.Insert(0, type);
            }

            var @namespace = method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
            text.Append(@namespace is null ? string.Empty : $"namespace {@namespace} {{ ");
            text.Append(string.Concat(types.Select(t => Header(t) + " { ")));
            text.Append(signature).Append(" => default;");
            text.Append(string.Concat(types.Select(_ => " }")));
            text.AppendLine(@namespace is null ? string.Empty : " }");
        }

        return text.Length == 0 ? null : CSharpSyntaxTree.ParseText(text.ToString(), options, "DeZero.Generators.GeneratedMembers.cs");
    }

    /// <summary>
    /// The declaration of <c>{F}WithGradient</c> for a method of double and int parameters, as the generator writes it:
    /// the method's accessibility and parameters (defaults included), returning the value and one partial per
    /// differentiated parameter; null for any other method (one of arrays returns its value and writes its gradient), and
    /// for one still being typed (a parameter without a name), which gets nothing generated either.
    /// </summary>
    public static string? Signature(IMethodSymbol method)
    {
        if (!Symbols.IsPlainFunction(method) || method.Parameters.Any(p => p.Name.Length == 0))
        {
            return null;
        }

        var elements = new[] { "double Value" }.Concat(method.Parameters.Where(Symbols.IsDifferentiated).Select(p => "double " + GeneratedNames.Partial(p.Name)));
        var parameters = method.Parameters.Select(p => $"{(p.Type.SpecialType == SpecialType.System_Double ? "double" : "int")} {Symbols.Escaped(p.Name)}{Default(p)}");
        return $"{MethodParser.Accessibility(method.DeclaredAccessibility)} static ({string.Join(", ", elements)}) "
            + $"{Symbols.Escaped(GeneratedNames.WithGradient(method.Name))}({string.Join(", ", parameters)})";
    }

    private static string Header(INamedTypeSymbol type)
    {
        var keyword = type.IsRecord ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
            : type.TypeKind switch { TypeKind.Struct => "struct", TypeKind.Interface => "interface", _ => "class" };
        var parameters = type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(t => Symbols.Escaped(t.Name))) + ">";
        return $"{(type.IsStatic ? "static " : string.Empty)}partial {keyword} {Symbols.Escaped(type.Name)}{parameters}";
    }

    private static string Default(IParameterSymbol parameter) => !parameter.HasExplicitDefaultValue ? string.Empty : " = " + parameter.ExplicitDefaultValue switch
    {
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => "default",
    };
}
