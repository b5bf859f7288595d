using System.Linq;

namespace DeZero.Generators.Model;

/// <summary>
/// The one home of every name the generator gives to what it emits, read by the parser (to report collisions),
/// the emitters, the analyzer and the code fix. Names are bare identifiers: a keyword gets its <c>@</c> when printed.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The graph node class of method <paramref name="method"/>: <c>{M}Function</c>.</summary>
    public static string Node(string method) => method + "Function";

    /// <summary>The value-and-gradient method of <paramref name="method"/>: <c>{M}WithGradient</c>.</summary>
    public static string WithGradient(string method) => method + "WithGradient";

    /// <summary>A parameter's tuple element: <c>D</c> plus its name with the first letter upper-cased.</summary>
    public static string Partial(string parameter) => "D" + Capitalized(parameter);

    /// <summary>The argument receiving a parameter's gradient in <c>…WithGradient</c> of an array method: <c>d</c> plus the capitalised name.</summary>
    public static string GradientArgument(string parameter) => "d" + Capitalized(parameter);

    /// <summary>The graph node's property carrying a parameter that is not an input (an <c>int</c>).</summary>
    public static string Property(string parameter) => Capitalized(parameter);

    /// <summary>
    /// Members of a generated node and of its base class <c>DeZero.Function</c>, which a property must not take: an
    /// elementwise node (a method of doubles) has its SIMD kernels, an array method's node its sweeps.
    /// </summary>
    public static string[] NodeMembers(bool takesArrays) =>
    [
        "Call", "Inputs", "Input", "Output", "Outputs", "Generation", "Forward", "Backward", "ForwardAll", "BackwardAll",
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
        .. takesArrays ? new[] { SweepForward, SweepReverse } : [NodeKernel, "CreateKernel"],
    ];

    /// <summary>The forward sweep of an array method, a static member of its node.</summary>
    public const string SweepForward = "SweepForward";

    /// <summary>The reverse sweep of an array method, a static member of its node.</summary>
    public const string SweepReverse = "SweepReverse";

    /// <summary>The elementwise node's struct kernel, which runs the method at one element for the runtime's loops.</summary>
    public const string NodeKernel = "Kernel";

    /// <summary>
    /// The kernel's static method returning the value, the partials and the Hessian's upper triangle: what a caller's own
    /// second derivatives chain through, and the node's second-order backward reads.
    /// </summary>
    public const string KernelHessian = "Hessian";

    /// <summary>The value-gradient-and-Hessian method of <paramref name="method"/> (<c>[Differentiable(Hessian = true)]</c>): <c>{M}WithHessian</c>.</summary>
    public static string WithHessian(string method) => method + "WithHessian";

    /// <summary>A Hessian entry's tuple element: <c>D</c> plus both parameters' names with their first letters upper-cased.</summary>
    public static string SecondPartial(string first, string second) => "D" + Capitalized(first) + Capitalized(second);

    /// <summary>
    /// The name of the file generated for a method, unique per method: namespace, containing types (with their arity,
    /// <c>Outer`1</c>) and the method, dot-separated.
    /// </summary>
    public static string HintName(string? @namespace, EquatableArray<TypeSpec> containingTypes, string method)
    {
        var prefix = @namespace is null ? string.Empty : @namespace + ".";
        var types = string.Join(".", containingTypes.Select(t => t.TypeParameters.Count == 0 ? t.Name : t.Name + "`" + t.TypeParameters.Count));
        return $"{prefix}{types}.{method}.g.cs";
    }

    /// <summary>
    /// The folder Roslyn files generated trees under, <c>{generator assembly}/{generator type}/</c>, which tells the analyzer
    /// (running after generation) our own members from the user's.
    /// </summary>
    public const string GeneratedFolder = "DeZero.Generators/DeZero.Generators.DifferentiableGenerator/";

    /// <summary>The name with its first letter upper-cased; keywords are lower-case, so the result never is one.</summary>
    private static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);
}
