namespace DeZero.Generators.Model;

/// <summary>
/// Everything the emitter needs to know about one <c>[Differentiable]</c> method.
/// Holds no ISymbol, SyntaxNode, Location, SemanticModel or Compilation: only values, so the
/// incremental pipeline caches it and a method that merely moves is not differentiated again.
/// </summary>
internal sealed record MethodSpec(
    string? Namespace,
    EquatableArray<TypeSpec> ContainingTypes,
    string QualifiedType,
    string Name,
    string Accessibility,
    EquatableArray<ParameterSpec> Parameters,
    Block Body,
    bool Vectorize)
{
    /// <summary>The hint name of the generated file, unique per method.</summary>
    public string HintName
    {
        get
        {
            // Hint names allow no '@': keyword identifiers are written without it.
            var prefix = Namespace is null ? string.Empty : Namespace.Replace("@", string.Empty) + ".";
            var types = string.Join(".", System.Linq.Enumerable.Select(ContainingTypes, t => t.MetadataName.TrimStart('@')));
            return $"{prefix}{types}.{Name.TrimStart('@')}.g.cs";
        }
    }
}

/// <summary>A containing type, written back as a partial declaration around the generated members.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface".</param>
/// <param name="Name">The name with its type parameters, e.g. <c>Outer&lt;T&gt;</c>.</param>
/// <param name="MetadataName">A file-name-safe form, e.g. <c>Outer`1</c>.</param>
internal sealed record TypeSpec(string Keyword, string Name, string MetadataName, bool IsStatic);

/// <summary>A parameter; <c>int</c> parameters are passed along and not differentiated.</summary>
internal sealed record ParameterSpec(string Name, ValueKind Kind)
{
    public bool IsDifferentiated => Kind == ValueKind.Double;

    /// <summary>The parameter's tuple element, <c>D</c> plus the name with its first letter upper-cased.</summary>
    public string PartialName => "D" + Capitalized;

    /// <summary>The property of the graph node that carries an <c>int</c> parameter.</summary>
    public string PropertyName => Capitalized;

    /// <summary>The name without a keyword's <c>@</c>, first letter upper-cased; never a keyword, as those are lower-case.</summary>
    private string Capitalized
    {
        get
        {
            var bare = Name.TrimStart('@');
            return char.ToUpperInvariant(bare[0]) + bare.Substring(1);
        }
    }
}
