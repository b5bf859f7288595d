namespace DeZero.Generators.Model;

/// <summary>
/// Everything the later steps need to know about one <c>[Differentiable]</c> method. Holds no ISymbol, SyntaxNode,
/// Location, SemanticModel or Compilation: only values, so the incremental pipeline caches it and a method that
/// merely moves is not differentiated again. Names are bare identifiers, escaped when printed.
/// </summary>
/// <param name="Namespace">The containing namespace, dotted, or null for the global namespace.</param>
/// <param name="ContainingTypes">The containing types, outermost first.</param>
internal sealed record MethodSpec(
    string? Namespace,
    EquatableArray<TypeSpec> ContainingTypes,
    string Name,
    string Accessibility,
    EquatableArray<ParameterSpec> Parameters,
    Block Body,
    bool Vectorize)
{
    /// <summary>The hint name of the generated file, unique per method.</summary>
    public string HintName => GeneratedNames.HintName(Namespace, ContainingTypes, Name);
}

/// <summary>A containing type, written back as a partial declaration around the generated members.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface".</param>
/// <param name="Name">The bare name, without type parameters.</param>
/// <param name="TypeParameters">The names of its type parameters, e.g. <c>T</c> of <c>Outer&lt;T&gt;</c>.</param>
internal sealed record TypeSpec(string Keyword, string Name, EquatableArray<string> TypeParameters, bool IsStatic);

/// <summary>A parameter; <c>int</c> parameters are passed along and not differentiated.</summary>
internal sealed record ParameterSpec(string Name, ValueKind Kind)
{
    public bool IsDifferentiated => Kind == ValueKind.Double;

    /// <summary>The parameter's tuple element, <c>D</c> plus the name with its first letter upper-cased.</summary>
    public string PartialName => GeneratedNames.Partial(Name);

    /// <summary>The property of the graph node that carries an <c>int</c> parameter.</summary>
    public string PropertyName => GeneratedNames.Property(Name);

    /// <summary>The parameter's default value (<c>double y = 0.5</c>), kept in the generated signatures; null when it has none.</summary>
    public Constant? Default { get; init; }
}
