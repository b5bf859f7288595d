using System.Linq;

namespace DeZero.Generators.Model;

/// <summary>
/// Everything the later steps need to know about one <c>[Differentiable]</c> method. Holds no ISymbol, SyntaxNode,
/// Location, SemanticModel or Compilation: only values, so the incremental pipeline caches it and a method that
/// merely moves is not differentiated again. Names are bare identifiers, escaped when printed.
/// </summary>
/// <param name="Namespace">The containing namespace, dotted, or null for the global namespace.</param>
/// <param name="ContainingTypes">The containing types, outermost first.</param>
/// <param name="Hessian"><c>[Differentiable(Hessian = true)]</c>: also generate the public <c>…WithHessian</c>.</param>
/// <param name="NoSecondDerivatives">
/// Why second derivatives cannot be written for this method, read off its calls at parse time (a supplied derivative it
/// relies on, a method from another assembly built without second derivatives), or null.
/// </param>
internal sealed record MethodSpec(
    string? Namespace,
    EquatableArray<TypeSpec> ContainingTypes,
    string Name,
    string Accessibility,
    EquatableArray<ParameterSpec> Parameters,
    Block Body,
    bool Vectorize,
    bool Hessian = false,
    string? NoSecondDerivatives = null)
{
    /// <summary>
    /// The most differentiated parameters a method may have for its second derivatives to be written unasked: their code
    /// grows with the square of that number (a tangent per pair of parameters), so past it they are written only for
    /// <c>[Differentiable(Hessian = true)]</c>.
    /// </summary>
    public const int SecondDerivativesUnasked = 8;

    /// <summary>The hint name of the generated file, unique per method.</summary>
    public string HintName => GeneratedNames.HintName(Namespace, ContainingTypes, Name);

    /// <summary>
    /// A method with a span or array parameter: differentiated in reverse mode, with gradients written into spans;
    /// otherwise in forward mode, with gradients returned as a tuple.
    /// </summary>
    public bool TakesArrays => Parameters.Any(p => p.IsArray);

    /// <summary>
    /// An int parameter would be a node property that <c>DeZero.Function</c> already has (DZ0013, at the parameter): the method
    /// keeps its <c>…WithGradient</c>, without the graph node and the overload that builds it.
    /// </summary>
    public bool WithoutNode { get; init; }
}

/// <summary>A containing type, written back as a partial declaration around the generated members.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface".</param>
/// <param name="Name">The bare name, without type parameters.</param>
/// <param name="TypeParameters">The names of its type parameters, e.g. <c>T</c> of <c>Outer&lt;T&gt;</c>.</param>
internal sealed record TypeSpec(string Keyword, string Name, EquatableArray<string> TypeParameters, bool IsStatic);

/// <summary>A parameter; <c>int</c> parameters and those marked <c>[NoDerivative]</c> are passed along and not differentiated.</summary>
/// <param name="Form">How an array parameter is declared, for signatures that repeat it; <see cref="ArrayForm.None"/> for scalars.</param>
internal sealed record ParameterSpec(string Name, ValueKind Kind, bool NoDerivative = false, ArrayForm Form = ArrayForm.None)
{
    public bool IsDifferentiated => Kind is ValueKind.Double or ValueKind.DoubleArray && !NoDerivative;

    public bool IsArray => Kind is ValueKind.DoubleArray or ValueKind.IntArray;

    /// <summary>The parameter's tuple element, <c>D</c> plus the name with its first letter upper-cased.</summary>
    public string PartialName => GeneratedNames.Partial(Name);

    /// <summary>The property of the graph node that carries an <c>int</c> parameter.</summary>
    public string PropertyName => GeneratedNames.Property(Name);

    /// <summary>The parameter's default value (<c>double y = 0.5</c>), kept in the generated signatures; null when it has none.</summary>
    public Constant? Default { get; init; }

    /// <summary>The argument of <c>…WithGradient</c> that receives this parameter's gradient: <c>d</c> plus the capitalised name.</summary>
    public string GradientArgumentName => GeneratedNames.GradientArgument(Name);
}

/// <summary>How an array parameter is declared.</summary>
internal enum ArrayForm
{
    None,

    /// <summary><c>double[]</c> or <c>int[]</c>.</summary>
    Array,

    /// <summary><c>ReadOnlySpan&lt;double&gt;</c> or <c>ReadOnlySpan&lt;int&gt;</c>.</summary>
    ReadOnlySpan,
}
