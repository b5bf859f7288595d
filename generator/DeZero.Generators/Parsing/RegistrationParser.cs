using System.Linq;
using System.Threading;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeZero.Generators.Parsing;

/// <summary>Reads one <c>[DerivativeOf]</c> method: which function it differentiates, and whether it fits.</summary>
internal static class RegistrationParser
{
    public static RegistrationResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var location = LocationInfo.From((context.TargetNode as MethodDeclarationSyntax)?.Identifier.GetLocation() ?? context.TargetNode.GetLocation());
        return Parse((IMethodSymbol)context.TargetSymbol, context.Attributes[0], location);
    }

    /// <summary>The same reading from symbols alone, for the analyzer, which finds registrations by walking the compilation.</summary>
    public static RegistrationResult Parse(IMethodSymbol derivative, AttributeData attribute, LocationInfo? location)
    {
        RegistrationResult Fail(DiagnosticDescriptor descriptor, params string[] arguments) =>
            new(null, location, EquatableArray.Of(new DiagnosticInfo(descriptor.Id, location, arguments.ToEquatableArray())));

        var arguments = attribute.ConstructorArguments;
        if (arguments.Length == 0 || arguments.Any(a => a.IsNull) || arguments[arguments.Length - 1].Value is not string name)
        {
            return new RegistrationResult(null, location, EquatableArray<DiagnosticInfo>.Empty); // The compiler reports it.
        }

        var type = arguments.Length == 2 ? arguments[0].Value as INamedTypeSymbol : derivative.ContainingType;
        var derivativeDisplay = derivative.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (type is null || type.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToArray() is not { Length: > 0 } candidates)
        {
            return Fail(Descriptors.DerivativeTargetNotFound, derivativeDisplay, $"{type?.ToDisplayString() ?? "?"}.{name}");
        }

        var target = candidates.FirstOrDefault(c =>
            c.Parameters.Length == derivative.Parameters.Length
            && c.Parameters.Zip(derivative.Parameters, (a, b) => SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same))
            ?? candidates[0];
        var targetDisplay = target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (!Symbols.IsPlainFunction(target))
        {
            return Fail(Descriptors.DerivativeTargetNotDifferentiable, derivativeDisplay, targetDisplay);
        }

        var expected = ExpectedSignature(target);
        if (!Fits(derivative, target))
        {
            return Fail(Descriptors.DerivativeSignatureMismatch, derivativeDisplay, targetDisplay, expected);
        }

        var registration = new Registration(
            target.GetDocumentationCommentId() ?? targetDisplay,
            Symbols.Member(derivative));
        return new RegistrationResult(registration, location, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Same parameters, a tuple of the value and one partial per double parameter, static and reachable.</summary>
    private static bool Fits(IMethodSymbol derivative, IMethodSymbol target)
    {
        var doubles = target.Parameters.Count(p => p.Type.SpecialType == SpecialType.System_Double);
        return derivative.IsStatic
            && !derivative.IsGenericMethod
            && derivative.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
            && derivative.ContainingType.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
            && derivative.Parameters.Length == target.Parameters.Length
            && derivative.Parameters.Zip(target.Parameters, (a, b) => a.RefKind == RefKind.None && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same)
            && derivative.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple
            && tuple.TupleElements.Length == 1 + doubles
            && tuple.TupleElements.All(e => e.Type.SpecialType == SpecialType.System_Double);
    }

    private static string ExpectedSignature(IMethodSymbol target)
    {
        var elements = new[] { "double Value" }.Concat(target.Parameters
            .Where(p => p.Type.SpecialType == SpecialType.System_Double)
            .Select(p => "double " + GeneratedNames.Partial(p.Name)));
        var parameters = target.Parameters.Select(p => $"{p.Type.ToDisplayString()} {p.Name}");
        return $"internal static ({string.Join(", ", elements)}) {GeneratedNames.WithGradient(target.Name)}({string.Join(", ", parameters)})";
    }
}
